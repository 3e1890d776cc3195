using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>The SQLite write gate: one command's transaction at a time, the others queued without a blocked thread.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task A_second_writer_waits_until_the_first_leaves_and_a_double_leave_frees_one_turn_only()
    {
        var gate = new SqliteWriteGate(NullLogger<SqliteWriteGate>.Instance);
        var first = await gate.EnterAsync(CancellationToken.None);

        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(10));
        first.Dispose(); // leaving twice must not let a third writer in beside the second

        var third = gate.EnterAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        third.IsCompleted.ShouldBeFalse();

        secondTurn.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_request_stops_waiting_for_its_turn()
    {
        var gate = new SqliteWriteGate(NullLogger<SqliteWriteGate>.Instance);
        using var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void The_server_databases_gate_is_always_open()
    {
        var gate = new OpenWriteGate();
        var one = gate.EnterAsync(CancellationToken.None);
        var two = gate.EnterAsync(CancellationToken.None);

        one.IsCompletedSuccessfully.ShouldBeTrue();
        two.IsCompletedSuccessfully.ShouldBeTrue(); // a second writer beside the first, not after it
    }
}
