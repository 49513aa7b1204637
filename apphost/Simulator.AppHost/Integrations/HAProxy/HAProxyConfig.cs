using System.Text;

namespace Simulator.AppHost.Integrations.HAProxy;

/// <summary>
/// Renders an HAProxy configuration whose addresses are environment variables, so the file can be
/// written before Aspire has allocated the ports and HAProxy resolves them when it starts.
/// </summary>
public static class HAProxyConfig
{
    /// <summary>Environment variable holding the frontend's port.</summary>
    public const string PortVariable = "SIM_INGRESS_PORT";

    /// <summary>Environment variable holding backend server <paramref name="index"/>'s address.</summary>
    public static string ServerVariable(int index) => $"SIM_ODOO_{index}";

    /// <summary>Renders the configuration for the given Odoo server names, in order.</summary>
    public static string Render(IReadOnlyList<string> serverNames)
    {
        ArgumentNullException.ThrowIfNull(serverNames);
        var text = new StringBuilder();
        text.AppendLine("""
            global
              maxconn 4096

            defaults
              mode http
              timeout connect 2s
              timeout client 120s
              timeout server 120s
              timeout http-keep-alive 30s
              # /web/health (without db_server_status) asks only whether Odoo answers; a free worker may take a
              # moment under load, so the check may take longer than inter (1 s).
              timeout check 3s

            frontend odoo
            """);
        text.AppendLine($"  bind \"127.0.0.1:${{{PortVariable}}}\"");
        text.AppendLine($"  monitor-uri {HAProxyResource.HealthPath}");
        text.AppendLine("""
              default_backend odoo_nodes

            backend odoo_nodes
              balance roundrobin
              option httpchk GET /web/health
              http-check expect status 200
              default-server inter 1s fall 2 rise 1
            """);
        for (var i = 0; i < serverNames.Count; i++)
        {
            text.AppendLine($"  server {serverNames[i]} \"${{{ServerVariable(i)}}}\" check");
        }

        return text.ToString();
    }
}
