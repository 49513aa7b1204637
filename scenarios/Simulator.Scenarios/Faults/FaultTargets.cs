namespace Simulator.Scenarios;

/// <summary>
/// Target names with a meaning of their own. Besides these, a process fault names a resource or
/// a region, and a network fault names a region, a pair of regions (<c>eu-us</c>) or one proxied
/// link (<c>eu-&gt;us:postgres</c>).
/// </summary>
public static class FaultTargets
{
    /// <summary>Roles resolved when the fault fires: <c>leader</c> (the current database primary) and <c>replica</c> (one of its replicas).</summary>
    public static IReadOnlyList<string> Roles { get; } = ["leader", "replica"];

    /// <summary>The target of <c>heal: all</c>, which removes every network fault.</summary>
    public const string All = "all";

    /// <summary>The switchover target that lets Patroni choose the new leader.</summary>
    public const string AnyCandidate = "any";

    /// <summary>The source of a per-destination link (<c>*-&gt;eu:etcd-peer</c>), shared by clients of every region.</summary>
    public const string AnyRegion = "*";

    /// <summary>
    /// Splits a proxied link <c>from-&gt;to</c> or <c>from-&gt;to:service</c>; <c>from</c> may be <see cref="AnyRegion"/>
    /// for the per-destination links into <c>to</c>.
    /// </summary>
    /// <param name="target">The target text.</param>
    /// <param name="from">The region the connection starts in.</param>
    /// <param name="to">The region the connection goes to.</param>
    /// <param name="service">The service, or <see langword="null"/> for every service on the link.</param>
    /// <returns><see langword="true"/> when the target is written as a proxied link.</returns>
    public static bool TryParseLink(string target, out string from, out string to, out string? service)
    {
        ArgumentNullException.ThrowIfNull(target);
        from = to = string.Empty;
        service = null;
        var arrow = target.IndexOf("->", StringComparison.Ordinal);
        if (arrow <= 0 || target.Contains("<->", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = target[(arrow + 2)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var toPart = colon < 0 ? rest : rest[..colon];
        var servicePart = colon < 0 ? null : rest[(colon + 1)..];
        if (!(target[..arrow] == AnyRegion || Names.IsValid(target[..arrow])) || !Names.IsValid(toPart) || (servicePart is not null && !Names.IsValid(servicePart)))
        {
            return false;
        }

        (from, to, service) = (target[..arrow], toPart, servicePart);
        return true;
    }
}
