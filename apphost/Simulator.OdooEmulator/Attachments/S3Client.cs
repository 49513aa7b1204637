using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Attachments;

/// <summary>
/// The few S3 calls attachments need (PUT/GET object, PUT bucket), as plain HTTP with AWS
/// Signature Version 4 and path-style URLs, which MinIO and s3rver both accept. Failures are
/// reported as boto3 would report them to an Odoo S3 storage module.
/// </summary>
internal sealed class S3Client(S3Options options, HttpClient http, TimeProvider timeProvider)
{
    private const string Service = "s3";
    private readonly Uri _endpoint = new(options.Endpoint!.TrimEnd('/') + "/");

    public async Task PutObjectAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"{options.Bucket}/{key}", content, "PutObject", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // First write into a fresh storage: create the bucket, then try once more.
            using (var created = await SendAsync(HttpMethod.Put, options.Bucket, [], "CreateBucket", cancellationToken))
            {
                if (!created.IsSuccessStatusCode && created.StatusCode != HttpStatusCode.Conflict)
                {
                    throw await ClientErrorAsync(created, "CreateBucket", cancellationToken);
                }
            }

            using var retried = await SendAsync(HttpMethod.Put, $"{options.Bucket}/{key}", content, "PutObject", cancellationToken);
            await EnsureSuccessAsync(retried, "PutObject", cancellationToken);
            return;
        }

        await EnsureSuccessAsync(response, "PutObject", cancellationToken);
    }

    public async Task<byte[]> GetObjectAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{options.Bucket}/{key}", [], "GetObject", cancellationToken);
        await EnsureSuccessAsync(response, "GetObject", cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[] content, string operation, CancellationToken cancellationToken)
    {
        var uri = new Uri(_endpoint, string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        using var request = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(content);
        }

        Sign(request, uri, content);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(options.TimeoutMs));
        try
        {
            return await http.SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new OdooException("botocore.exceptions.EndpointConnectionError", $"Could not connect to the endpoint URL: \"{uri}\"", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OdooException("botocore.exceptions.ReadTimeoutError", $"Read timeout on endpoint URL: \"{uri}\" ({operation})", ex);
        }
    }

    /// <summary>AWS Signature Version 4 over host, x-amz-content-sha256 and x-amz-date.</summary>
    private void Sign(HttpRequestMessage request, Uri uri, byte[] content)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(content));
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        request.Headers.Host = host;
        request.Headers.Add("x-amz-content-sha256", payloadHash);
        request.Headers.Add("x-amz-date", amzDate);

        const string SignedHeaders = "host;x-amz-content-sha256;x-amz-date";
        var canonicalRequest = string.Join('\n',
            request.Method.Method,
            uri.AbsolutePath,
            "",
            $"host:{host}",
            $"x-amz-content-sha256:{payloadHash}",
            $"x-amz-date:{amzDate}",
            "",
            SignedHeaders,
            payloadHash);
        var scope = $"{date}/{options.Region}/{Service}/aws4_request";
        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256", amzDate, scope, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + options.SecretKey), date);
        key = Hmac(key, options.Region);
        key = Hmac(key, Service);
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={options.AccessKey}/{scope}, SignedHeaders={SignedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ClientErrorAsync(response, operation, cancellationToken);
        }
    }

    /// <summary>boto3's <c>ClientError</c> wording, with the S3 error code from the XML body.</summary>
    private static async Task<OdooException> ClientErrorAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var code = Between(body, "<Code>", "</Code>") ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var message = Between(body, "<Message>", "</Message>") ?? response.ReasonPhrase ?? "";
        return new OdooException("botocore.exceptions.ClientError", $"An error occurred ({code}) when calling the {operation} operation: {message}");
    }

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return null;
        }

        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? null : WebUtility.HtmlDecode(text[from..to]);
    }
}
