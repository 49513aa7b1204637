using Simulator.OdooEmulator.Workers;

namespace Simulator.OdooEmulator.Rpc.XmlRpc;

/// <summary>
/// Odoo's <c>/xmlrpc/2/&lt;service&gt;</c> and historical <c>/xmlrpc/&lt;service&gt;</c> routes:
/// the same services as <c>/jsonrpc</c>, answered with HTTP 200 and <c>text/xml</c> whether the
/// call succeeded or faulted.
/// </summary>
internal sealed class XmlRpcHandler(RpcDispatcher dispatcher, RpcErrorReporter errors)
{
    public async Task HandleAsync(HttpContext http, string service, bool intFaults)
    {
        ArgumentNullException.ThrowIfNull(http);
        var work = OdooWork.Token(http);
        string body;
        try
        {
            // XDocument reads synchronously: buffer the body first so Kestrel's async-only stream is not blocked on.
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            var (method, parameters) = XmlRpcCodec.ReadMethodCall(buffer);
            var result = await dispatcher.DispatchAsync(service, method, parameters, work);
            body = XmlRpcCodec.WriteResponse(result);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            var error = errors.Report(ex);
            var (code, text) = intFaults ? XmlRpcFaults.IntFault(error) : XmlRpcFaults.StringFault(error);
            body = XmlRpcCodec.WriteFault(code, text);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/xml; charset=utf-8";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }
}
