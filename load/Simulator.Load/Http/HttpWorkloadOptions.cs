namespace Simulator.Load.Http;

/// <summary>What one iteration of an <see cref="HttpWorkload"/> sends and what it accepts back.</summary>
public sealed record HttpWorkloadOptions
{
    /// <summary>The default <see cref="Timeout"/>: 30 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The request's URL (absolute, http or https).</summary>
    public required Uri Url { get; init; }

    /// <summary>The method; GET by default.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Request headers (content headers such as <c>Content-Type</c> go on the body).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The request body, sent as UTF-8; none when null.</summary>
    public string? Body { get; init; }

    /// <summary>The body's content type when <see cref="Headers"/> name none; <c>application/json</c> by default.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The statuses counted as OK; any 2xx by default. Any other status fails the iteration with the kind <c>http-&lt;status&gt;</c>.</summary>
    public StatusRange ExpectedStatus { get; init; } = StatusRange.Success;

    /// <summary>How long a request may take, headers and body, on the workload's clock; longer is an unknown outcome (<c>timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// Whether <see cref="HttpWorkload.InitializeAsync"/> sends one unmeasured request before the run's clock starts,
    /// so the first measured iterations do not pay for opening a connection and compiling the client's code path (on a
    /// cold process that costs tens of milliseconds, which an open model would see as start lateness). Only for GET,
    /// HEAD and OPTIONS, which are safe to repeat; its outcome is ignored. On by default.
    /// </summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>The operation's name in reports; <c>http.&lt;method&gt;</c> (for example <c>http.get</c>) when null.</summary>
    public string? Operation { get; init; }

    /// <summary>Checks the options; returns every problem (empty when valid).</summary>
    /// <returns>Human-readable problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"url must be an absolute http or https URL (was '{Url}')");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add($"timeout must be positive (was {Timeout})");
        }

        if (Method is null)
        {
            errors.Add("method is required");
        }

        if (Headers is null)
        {
            errors.Add("headers must not be null (use an empty map)");
        }

        return errors;
    }
}
