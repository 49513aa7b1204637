namespace Simulator.Chaos.Proxy;

/// <summary>An API failure with the HTTP status and message the Toxiproxy API would answer.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiException BadRequest(string detail) => new(400, "bad request body: " + detail);

    public static ApiException MissingField(string field) => new(400, "missing required field: " + field);

    public static ApiException ProxyNotFound() => new(404, "proxy not found");

    public static ApiException ProxyAlreadyExists() => new(409, "proxy already exists");

    public static ApiException InvalidStream() => new(400, "stream was invalid, can be either upstream or downstream");

    public static ApiException InvalidToxicType() => new(400, "invalid toxic type");

    public static ApiException ToxicAlreadyExists() => new(409, "toxic already exists");

    public static ApiException ToxicNotFound() => new(404, "toxic not found");
}
