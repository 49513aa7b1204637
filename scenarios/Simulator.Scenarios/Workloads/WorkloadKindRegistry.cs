using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>
/// The workload kinds a loader accepts. <see cref="Default"/> knows <c>order-import</c>,
/// <c>warehouse-scan</c>, <c>portal-browse</c>, <c>web-browse</c> and <c>http</c>; the load engine can pass its own through <see cref="ScenarioLoadOptions"/>.
/// </summary>
public sealed class WorkloadKindRegistry
{
    /// <summary>portal-browse's and web-browse's parameters: the same pages, over the External API or a web session.</summary>
    private static readonly IReadOnlyDictionary<string, WorkloadParameterType> BrowseParameters = new Dictionary<string, WorkloadParameterType>
    {
        ["customers"] = WorkloadParameterType.PositiveNumber,
        ["page_size"] = WorkloadParameterType.PositiveNumber,
        ["pages"] = WorkloadParameterType.PositiveNumber,
    }.AsReadOnly();

    private readonly Dictionary<string, WorkloadKind> _kinds;

    /// <summary>Creates a registry holding <paramref name="kinds"/>; a later kind with the same name replaces an earlier one.</summary>
    /// <param name="kinds">The kinds.</param>
    public WorkloadKindRegistry(IEnumerable<WorkloadKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        _kinds = new Dictionary<string, WorkloadKind>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            _kinds[kind.Name] = kind;
        }
    }

    /// <summary>
    /// <c>order-import</c> (parameters <c>customers</c>, <c>products</c>: sizes of the pools orders
    /// draw from; <c>ack</c>: <c>read-back</c> or <c>commit</c>, when an order counts as acknowledged), <c>warehouse-scan</c> (<c>backlog</c>: deliveries prepared before the run;
    /// <c>products</c>: the pool the backlog's orders draw from), <c>portal-browse</c>
    /// (<c>customers</c> who browse, <c>page_size</c>, <c>pages</c> deep), <c>web-browse</c> (the same pages through a
    /// web session, the same parameters) and
    /// <c>http</c>: one request per iteration to the region's ingress (<c>path</c>, required;
    /// <c>method</c>, <c>status</c> expected, <c>body</c>, <c>content_type</c>, <c>timeout</c>, <c>headers</c>).
    /// </summary>
    public static WorkloadKindRegistry Default { get; } = new(
    [
        new WorkloadKind("order-import", new Dictionary<string, WorkloadParameterType>
        {
            ["customers"] = WorkloadParameterType.PositiveNumber,
            ["products"] = WorkloadParameterType.PositiveNumber,
            ["ack"] = WorkloadParameterType.Acknowledgement,
        }.AsReadOnly()),
        new WorkloadKind("warehouse-scan", new Dictionary<string, WorkloadParameterType>
        {
            ["backlog"] = WorkloadParameterType.WholeNumber,
            ["products"] = WorkloadParameterType.PositiveNumber,
        }.AsReadOnly()),
        new WorkloadKind("portal-browse", BrowseParameters),
        new WorkloadKind("web-browse", BrowseParameters),
        new WorkloadKind("http", new Dictionary<string, WorkloadParameterType>
        {
            ["path"] = WorkloadParameterType.UrlPath,
            ["method"] = WorkloadParameterType.HttpMethod,
            ["status"] = WorkloadParameterType.HttpStatus,
            ["body"] = WorkloadParameterType.Text,
            ["content_type"] = WorkloadParameterType.MediaType,
            ["timeout"] = WorkloadParameterType.Duration,
            ["headers"] = WorkloadParameterType.Headers,
        }.AsReadOnly())
        {
            Required = ["path"],
        },
    ]);

    /// <summary>The kinds, in name order.</summary>
    public IReadOnlyList<WorkloadKind> Kinds => [.. _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal)];

    /// <summary>Finds a kind by name.</summary>
    /// <param name="name">The kind's name.</param>
    /// <param name="kind">The kind, when known.</param>
    /// <returns><see langword="true"/> when the kind is known.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out WorkloadKind? kind) => _kinds.TryGetValue(name, out kind);

    /// <summary>A new registry with <paramref name="kind"/> added, replacing a kind of the same name.</summary>
    /// <param name="kind">The kind to add.</param>
    /// <returns>The new registry.</returns>
    public WorkloadKindRegistry With(WorkloadKind kind) => new(_kinds.Values.Append(kind));
}
