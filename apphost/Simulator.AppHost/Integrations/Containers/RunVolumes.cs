namespace Simulator.AppHost.Integrations.Containers;

/// <summary>
/// Names of the volumes a run creates. Every name starts with the run's prefix, so teardown (and the
/// next run, after a crash) can find and remove them with one filter.
/// </summary>
public static class RunVolumes
{
    /// <summary>Prefix shared by every volume of every run.</summary>
    public const string Prefix = "sim-";

    /// <summary>Prefix of the volumes of <paramref name="run"/>.</summary>
    public static string PrefixOf(Native.RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Prefix + run.Id + "-";
    }

    /// <summary>The volume holding <paramref name="purpose"/> (e.g. <c>data</c>) of <paramref name="owner"/> in <paramref name="run"/>.</summary>
    public static string Name(Native.RunDirectory run, string owner, string purpose) => PrefixOf(run) + owner + "-" + purpose;
}
