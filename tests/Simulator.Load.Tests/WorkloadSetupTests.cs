using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Odoo;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests;

public class WorkloadSetupTests
{
    private static OdooRpcException AdminShutdown() =>
        new("psycopg2.OperationalError", "Odoo Server Error", 200, "terminating connection due to administrator command", null);

    [Fact]
    public async Task A_setup_meeting_a_lost_database_connection_is_tried_again_after_growing_pauses_and_then_succeeds()
    {
        var time = new FakeTimeProvider();
        var workload = new FailingSetup(time, AdminShutdown(), AdminShutdown(), AdminShutdown());
        var lines = new List<string>();

        var setup = WorkloadSetup.InitializeAsync(workload, "order-import@eu", time, lines.Add, CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromSeconds(4));
        await setup.Guarded();

        Assert.Equal(4, workload.Tries);
        Assert.Equal(
            [
                "order-import@eu: setup failed (psycopg2.OperationalError: terminating connection due to administrator command); trying again in 0.5 s (2 of 5)",
                "order-import@eu: setup failed (psycopg2.OperationalError: terminating connection due to administrator command); trying again in 1 s (3 of 5)",
                "order-import@eu: setup failed (psycopg2.OperationalError: terminating connection due to administrator command); trying again in 2 s (4 of 5)",
            ],
            lines);
        // The three pauses were waited for on the clock given, not skipped.
        Assert.InRange(workload.LastTryAt - workload.FirstTryAt, TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(3.8));
    }

    [Fact]
    public async Task A_setup_still_failing_after_the_last_pause_throws_its_last_error()
    {
        var time = new FakeTimeProvider();
        var last = new OdooTransportException("http-503", false, "authenticate: HTTP 503", 503);
        var workload = new FailingSetup(time, AdminShutdown(), AdminShutdown(), AdminShutdown(), AdminShutdown(), last, AdminShutdown());

        var setup = WorkloadSetup.InitializeAsync(workload, "order-import@us", time, null, CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromSeconds(8));
        var thrown = await Assert.ThrowsAsync<OdooTransportException>(() => setup.Guarded());

        Assert.Same(last, thrown);
        Assert.Equal(WorkloadSetup.Pauses.Count + 1, workload.Tries);
    }

    [Fact]
    public async Task An_error_Odoo_itself_raises_is_not_tried_again()
    {
        var time = new FakeTimeProvider();
        var denied = new OdooRpcException("odoo.exceptions.AccessDenied", "Odoo Server Error", 200, "Access Denied", null);
        var workload = new FailingSetup(time, denied);
        var lines = new List<string>();

        var thrown = await Assert.ThrowsAsync<OdooRpcException>(() =>
            WorkloadSetup.InitializeAsync(workload, "order-import@eu", time, lines.Add, CancellationToken.None));

        Assert.Same(denied, thrown);
        Assert.Equal(1, workload.Tries);
        Assert.Empty(lines);
    }

    [Theory]
    [InlineData("psycopg2.OperationalError", true)]
    [InlineData("psycopg2.errors.AdminShutdown", true)]
    [InlineData("psycopg2.errors.ReadOnlySqlTransaction", true)]
    [InlineData("psycopg2.errors.SerializationFailure", false)]
    [InlineData("odoo.exceptions.ValidationError", false)]
    [InlineData(null, false)]
    public void Only_database_connection_errors_count_as_passing(string? name, bool transient) =>
        Assert.Equal(transient, new OdooRpcException(name, "Odoo Server Error", 200, "message", null).Transient);

    [Fact]
    public async Task Cancelling_during_a_pause_stops_the_setup()
    {
        var time = new FakeTimeProvider();
        using var cancel = new CancellationTokenSource();
        var workload = new FailingSetup(time, AdminShutdown(), AdminShutdown());

        var setup = WorkloadSetup.InitializeAsync(workload, "order-import@eu", time, _ => cancel.Cancel(), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => setup);
        Assert.Equal(1, workload.Tries);
    }

    /// <summary>A workload whose setup throws the given errors in turn, then succeeds.</summary>
    private sealed class FailingSetup(TimeProvider time, params Exception[] errors) : IWorkload
    {
        private readonly Queue<Exception> _errors = new(errors);

        public int Tries { get; private set; }

        public DateTimeOffset FirstTryAt { get; private set; }

        public DateTimeOffset LastTryAt { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken)
        {
            Tries++;
            LastTryAt = time.GetUtcNow();
            if (Tries == 1)
            {
                FirstTryAt = LastTryAt;
            }

            return _errors.TryDequeue(out var error) ? Task.FromException(error) : Task.CompletedTask;
        }

        public Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
