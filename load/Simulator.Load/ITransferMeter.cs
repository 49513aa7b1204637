namespace Simulator.Load;

/// <summary>
/// Counts bytes a client moved for a workload. <see cref="IterationContext"/> implements it, so a client given the
/// iteration's context (the Odoo client, the HTTP workload) adds what each request sent and received to its workload's
/// <c>bytesSent</c> and <c>bytesReceived</c>.
/// </summary>
public interface ITransferMeter
{
    /// <summary>Adds bytes moved by one request (HTTP bodies: request content sent, response content received).</summary>
    /// <param name="bytesSent">Bytes sent.</param>
    /// <param name="bytesReceived">Bytes received.</param>
    void RecordTransfer(long bytesSent, long bytesReceived);
}
