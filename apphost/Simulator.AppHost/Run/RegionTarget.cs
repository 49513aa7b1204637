using Simulator.Load.Odoo;

namespace Simulator.AppHost.Run;

/// <summary>What a workload needs to reach its region: the run's HTTP client, the region's ingress, the Odoo credentials and the clock.</summary>
/// <param name="Http">The client every workload shares (no timeout of its own: each workload's governs).</param>
/// <param name="Ingress">The region's ingress, such as <c>http://127.0.0.1:PORT/</c>.</param>
/// <param name="Credentials">The Odoo database, login and password of the run.</param>
/// <param name="Time">The run's clock.</param>
public sealed record RegionTarget(HttpClient Http, Uri Ingress, OdooCredentials Credentials, TimeProvider Time);
