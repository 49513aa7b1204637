namespace Simulator.Load.Scheduling;

/// <summary>Why the scheduler dropped an iteration instead of starting it.</summary>
public enum DropReason
{
    /// <summary>Every virtual user (in-flight slot) was busy at the iteration's intended start.</summary>
    NoFreeVirtualUser,

    /// <summary>The scheduler reached the iteration later than its intended start plus the allowed lag.</summary>
    LateStart,
}
