using System.Text.Json;
using Microsoft.Extensions.Logging;
using Simulator.Chaos.Proxy.Toxics;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// All proxies of a server and every operation of the API on them. One lock orders all changes, which
/// is what makes the partition extension atomic.
/// </summary>
internal sealed class ProxyRegistry(ILogger logger, bool extensions, bool zeroCopy) : IDisposable
{
    /// <summary>Default toxic name and type of the partition extension.</summary>
    public const string PartitionToxicName = "partition";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProxyRuntime> _proxies = new(StringComparer.Ordinal);

    public bool Extensions { get; } = extensions;

    public IReadOnlyList<ProxyRuntime> List()
    {
        lock (_gate)
        {
            return [.. _proxies.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }
    }

    public ProxyRuntime Get(string name)
    {
        lock (_gate)
        {
            return Find(name);
        }
    }

    /// <summary><c>POST /proxies</c>: name and upstream are required; enabled defaults to true.</summary>
    public ProxyRuntime Create(JsonElement body)
    {
        var (name, listen, upstream, enabled) = ReadProxy(body, null);
        lock (_gate)
        {
            if (_proxies.ContainsKey(name))
            {
                throw ApiException.ProxyAlreadyExists();
            }

            var proxy = new ProxyRuntime(name, listen, upstream, logger, zeroCopy);
            if (enabled)
            {
                proxy.Start();
            }

            _proxies.Add(name, proxy);
            return proxy;
        }
    }

    /// <summary><c>PATCH</c> (or deprecated <c>POST</c>) <c>/proxies/{proxy}</c>: absent fields keep their values.</summary>
    public ProxyRuntime Update(string name, JsonElement body)
    {
        lock (_gate)
        {
            var proxy = Find(name);
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest("expected a JSON object");
            }

            var listen = ToxicParser.OptionalString(body, "listen") ?? proxy.Listen;
            var upstream = ToxicParser.OptionalString(body, "upstream") ?? proxy.Upstream;
            var enabled = OptionalBool(body, "enabled") ?? proxy.Enabled;
            proxy.Update(listen, upstream, enabled);
            return proxy;
        }
    }

    public void Delete(string name)
    {
        lock (_gate)
        {
            var proxy = Find(name);
            proxy.Stop();
            _proxies.Remove(name);
        }
    }

    /// <summary>
    /// <c>POST /populate</c>: validates the whole list first (nothing changes if any entry is bad), then for
    /// each entry creates the proxy, leaves an existing one with the same listen and upstream untouched
    /// (toxics included; a requested port 0 matches any port), or replaces one that differs.
    /// </summary>
    public IReadOnlyList<ProxyRuntime> Populate(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("expected a JSON array of proxies");
        }

        var entries = new List<(string Name, string Listen, string Upstream, bool Enabled)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var item in body.EnumerateArray())
        {
            position++;
            var entry = ReadProxy(item, position);
            if (!names.Add(entry.Name))
            {
                throw ApiException.BadRequest($"duplicate proxy name \"{entry.Name}\"");
            }

            Addresses.ParseUpstream(entry.Upstream);
            Addresses.ResolveListen(entry.Listen);
            entries.Add(entry);
        }

        lock (_gate)
        {
            var result = new List<ProxyRuntime>(entries.Count);
            foreach (var (name, listen, upstream, enabled) in entries)
            {
                if (_proxies.TryGetValue(name, out var existing))
                {
                    if (string.Equals(existing.Upstream, upstream, StringComparison.Ordinal) && Addresses.ListenMatches(listen, existing.Listen))
                    {
                        result.Add(existing);
                        continue;
                    }

                    existing.Stop();
                    _proxies.Remove(name);
                }

                var proxy = new ProxyRuntime(name, listen, upstream, logger, zeroCopy);
                if (enabled)
                {
                    proxy.Start();
                }

                _proxies.Add(name, proxy);
                result.Add(proxy);
            }

            return result;
        }
    }

    /// <summary><c>POST /reset</c>: enables every proxy and removes every toxic.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var proxy in _proxies.Values)
            {
                proxy.Start();
                proxy.SetToxics([]);
            }
        }
    }

    public ToxicDefinition GetToxic(string proxyName, string toxicName)
    {
        lock (_gate)
        {
            return FindToxic(Find(proxyName), toxicName);
        }
    }

    public ToxicDefinition AddToxic(string proxyName, JsonElement body)
    {
        lock (_gate)
        {
            var proxy = Find(proxyName);
            var toxics = proxy.Toxics;
            var toxic = ToxicParser.ParseNew(body, Extensions, name => toxics.Any(t => t.Name == name));
            proxy.SetToxics([.. toxics, toxic]);
            return toxic;
        }
    }

    public ToxicDefinition UpdateToxic(string proxyName, string toxicName, JsonElement body)
    {
        lock (_gate)
        {
            var proxy = Find(proxyName);
            var current = FindToxic(proxy, toxicName);
            var updated = ToxicParser.ParseUpdate(body, current);
            proxy.SetToxics([.. proxy.Toxics.Select(t => ReferenceEquals(t, current) ? updated : t)]);
            return updated;
        }
    }

    public void RemoveToxic(string proxyName, string toxicName)
    {
        lock (_gate)
        {
            var proxy = Find(proxyName);
            var current = FindToxic(proxy, toxicName);
            proxy.SetToxics([.. proxy.Toxics.Where(t => !ReferenceEquals(t, current))]);
        }
    }

    /// <summary>
    /// <c>POST /x/partition</c>: puts one named toxic (default a <c>blackhole</c> named <c>partition</c>) on
    /// every listed proxy at once, replacing a toxic of that name where one exists. Everything is checked
    /// before anything changes, and no other API call runs in between.
    /// </summary>
    public IReadOnlyList<ProxyRuntime> Partition(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("expected a JSON object");
        }

        var toxicBody = body.TryGetProperty("toxic", out var t) && t.ValueKind != JsonValueKind.Null ? t : (JsonElement?)null;
        if (toxicBody is { ValueKind: not JsonValueKind.Object })
        {
            throw ApiException.BadRequest("field \"toxic\" must be an object");
        }

        lock (_gate)
        {
            var proxies = ReadProxyNames(body, required: true);
            var template = toxicBody is { } spec
                ? ParsePartitionToxic(spec)
                : ToxicDefinition.Create(PartitionToxicName, ToxicKind.Blackhole, ToxicDirection.Downstream, 1.0, []);
            foreach (var proxy in proxies)
            {
                var toxics = proxy.Toxics;
                var existing = toxics.FirstOrDefault(x => x.Name == template.Name);
                var toxic = existing is null
                    ? ToxicDefinition.Create(template.Name, template.Kind, template.Stream, template.Toxicity, [.. template.Attributes])
                    : existing.With(template.Kind, template.Stream, template.Toxicity, [.. template.Attributes]);
                proxy.SetToxics(existing is null ? [.. toxics, toxic] : [.. toxics.Select(x => ReferenceEquals(x, existing) ? toxic : x)]);
            }

            return proxies;
        }
    }

    /// <summary>
    /// <c>POST /x/heal</c>: removes the named toxic (default <c>partition</c>) from every listed proxy, or
    /// from all proxies when none are listed, at once. Proxies without it are left alone.
    /// </summary>
    public IReadOnlyList<ProxyRuntime> Heal(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("expected a JSON object");
        }

        var name = ToxicParser.OptionalString(body, "toxic");
        if (string.IsNullOrEmpty(name))
        {
            name = PartitionToxicName;
        }

        lock (_gate)
        {
            var proxies = ReadProxyNames(body, required: false);
            foreach (var proxy in proxies)
            {
                var toxics = proxy.Toxics;
                if (toxics.Any(x => x.Name == name))
                {
                    proxy.SetToxics([.. toxics.Where(x => x.Name != name)]);
                }
            }

            return proxies;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var proxy in _proxies.Values)
            {
                proxy.Stop();
            }

            _proxies.Clear();
        }
    }

    private ToxicDefinition ParsePartitionToxic(JsonElement spec)
    {
        var type = ToxicParser.OptionalString(spec, "type");
        if (string.IsNullOrEmpty(type))
        {
            // Default the type to blackhole: copy the object with it added.
            var copy = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in spec.EnumerateObject())
            {
                copy[property.Name] = property.Value;
            }

            copy["type"] = JsonSerializer.SerializeToElement(ToxicTypes.Blackhole);
            spec = JsonSerializer.SerializeToElement(copy);
        }

        return ToxicParser.ParseNew(spec, Extensions, _ => false, PartitionToxicName);
    }

    private List<ProxyRuntime> ReadProxyNames(JsonElement body, bool required)
    {
        if (!body.TryGetProperty("proxies", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return required
                ? throw ApiException.MissingField("proxies")
                : [.. _proxies.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("field \"proxies\" must be an array of proxy names");
        }

        var result = new List<ProxyRuntime>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw ApiException.BadRequest("field \"proxies\" must be an array of proxy names");
            }

            var proxy = _proxies.TryGetValue(item.GetString()!, out var found)
                ? found
                : throw new ApiException(404, $"proxy not found: {item.GetString()}");
            if (!result.Contains(proxy))
            {
                result.Add(proxy);
            }
        }

        return result.Count == 0 && required ? throw ApiException.MissingField("proxies") : result;
    }

    private ProxyRuntime Find(string name) => _proxies.TryGetValue(name, out var proxy) ? proxy : throw ApiException.ProxyNotFound();

    private static ToxicDefinition FindToxic(ProxyRuntime proxy, string name) =>
        proxy.Toxics.FirstOrDefault(t => t.Name == name) ?? throw ApiException.ToxicNotFound();

    private static (string Name, string Listen, string Upstream, bool Enabled) ReadProxy(JsonElement body, int? position)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("expected a JSON object");
        }

        var at = position is { } p ? $" at proxy {p}" : "";
        var name = ToxicParser.OptionalString(body, "name");
        if (string.IsNullOrEmpty(name))
        {
            throw ApiException.MissingField("name" + at);
        }

        var upstream = ToxicParser.OptionalString(body, "upstream");
        if (string.IsNullOrEmpty(upstream))
        {
            throw ApiException.MissingField("upstream" + at);
        }

        var listen = ToxicParser.OptionalString(body, "listen");
        return (name, string.IsNullOrEmpty(listen) ? Addresses.DefaultListen : listen, upstream, OptionalBool(body, "enabled") ?? true);
    }

    private static bool? OptionalBool(JsonElement body, string property)
    {
        if (!body.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiException.BadRequest($"field \"{property}\" must be true or false"),
        };
    }
}
