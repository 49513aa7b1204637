namespace Simulator.Scenarios;

/// <summary>The format a workload parameter's value must have.</summary>
public enum WorkloadParameterType
{
    /// <summary>Any single value.</summary>
    Text = 0,

    /// <summary>A whole number, not negative (<c>500</c>).</summary>
    WholeNumber,

    /// <summary>A whole number above zero (<c>20</c>): a size or a count that cannot be empty.</summary>
    PositiveNumber,

    /// <summary>A range of whole numbers or one number (<c>5..30</c>, <c>5</c>).</summary>
    WholeNumberRange,

    /// <summary>A duration with its unit (<c>2s</c>).</summary>
    Duration,

    /// <summary>A rate with its unit (<c>20/s</c>).</summary>
    Rate,

    /// <summary>The path (and query) of a URL on the workload's region, starting with <c>/</c> (<c>/web/health</c>).</summary>
    UrlPath,

    /// <summary>An HTTP method (<c>GET</c>, <c>POST</c>, …), written in any case and kept in capitals.</summary>
    HttpMethod,

    /// <summary>An HTTP status or range of statuses: <c>200</c>, <c>2xx</c> or <c>200-204</c>, within 100–599.</summary>
    HttpStatus,

    /// <summary>A media type such as <c>application/json</c> (with parameters: <c>text/plain; charset=utf-8</c>).</summary>
    MediaType,

    /// <summary>
    /// A mapping of HTTP header names to values (<c>headers: { Authorization: "Bearer x" }</c>), kept as
    /// <c>Name: value</c> lines joined by a line feed.
    /// </summary>
    Headers,

    /// <summary>When a write counts as acknowledged: <c>read-back</c> or <c>commit</c> (<see cref="AcknowledgementValues"/>).</summary>
    Acknowledgement,
}
