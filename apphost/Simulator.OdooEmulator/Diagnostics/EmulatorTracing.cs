using System.Diagnostics;

namespace Simulator.OdooEmulator.Diagnostics;

/// <summary>
/// Spans of the emulator's own work, on the <c>Simulator.OdooEmulator</c> activity source, so a trace of an
/// order shows which model method ran between the HTTP request and its SQL.
/// </summary>
internal static class EmulatorTracing
{
    /// <summary>Name of the activity source (the same as the meter's).</summary>
    public const string SourceName = EmulatorMetrics.MeterName;

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the span of one <c>call_kw</c>, or returns null when nobody listens.</summary>
    public static Activity? StartCall(string model, string method)
    {
        var activity = Source.StartActivity($"{model}.{method}");
        activity?.SetTag("odoo.model", model);
        activity?.SetTag("odoo.method", method);
        return activity;
    }
}
