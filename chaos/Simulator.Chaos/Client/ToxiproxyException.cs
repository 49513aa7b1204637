using System.Net;

namespace Simulator.Chaos;

/// <summary>
/// The Toxiproxy API answered with an error: its HTTP status and message (from <c>{"error": ...}</c>, or
/// the older <c>{"title": ...}</c>, or the raw body).
/// </summary>
public sealed class ToxiproxyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ToxiproxyException()
        : this(HttpStatusCode.InternalServerError, "Toxiproxy API error")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ToxiproxyException(string message)
        : this(HttpStatusCode.InternalServerError, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ToxiproxyException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status the API answered.</param>
    /// <param name="message">The API's error message.</param>
    public ToxiproxyException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the API answered (e.g. 404 for a missing proxy, 409 for a duplicate).</summary>
    public HttpStatusCode StatusCode { get; }
}
