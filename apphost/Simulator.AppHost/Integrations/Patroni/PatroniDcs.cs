namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>Which etcd API Patroni keeps its leader key and member data in.</summary>
public enum PatroniDcs
{
    /// <summary>
    /// etcd's v2 API (Patroni's <c>etcd:</c> client; etcd runs with <c>--enable-v2=true</c>). The default: with
    /// Patroni 3.0.2 it kept a single leader through a freeze-and-resume of the old leader.
    /// </summary>
    Etcd,

    /// <summary>
    /// etcd's v3 API (Patroni's <c>etcd3:</c> client). Patroni 3.0.2's client can hand the leader key back to an old
    /// leader resumed after a freeze, letting two nodes accept writes (fixed upstream after 3.0.2, Patroni PR #2689);
    /// kept selectable to show exactly that.
    /// </summary>
    Etcd3,
}
