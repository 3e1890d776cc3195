using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Handling;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// The case-command pipeline with the app's own services: the action a command declares is the only one its handler
/// can take, whatever the handler calls.
/// </summary>
public sealed class CaseCommandPipelineTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public CaseCommandPipelineTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    /// <summary>A handler that says it records progress but accepts the case: a programming error.</summary>
    private sealed class AcceptingProgressHandler(CurrentCase current) : CaseCommandHandler<RecordProgress>(current)
    {
        protected override ValueTask Apply(Case @case, RecordProgress command, CaseContext ctx, CancellationToken ct)
        {
            @case.Accept(ctx);
            return default;
        }
    }

    /// <summary>The same handler's honest twin, to show the pipeline built here runs a handler that keeps to its action.</summary>
    private sealed class ProgressHandler(CurrentCase current) : CaseCommandHandler<RecordProgress>(current)
    {
        protected override ValueTask Apply(Case @case, RecordProgress command, CaseContext ctx, CancellationToken ct)
        {
            @case.RecordProgress(command.Note, ctx);
            return default;
        }
    }

    private async Task<CaseDetailDto> Run(long caseId, Func<CurrentCase, CaseCommandHandler<RecordProgress>> handler)
    {
        using var cadre = new MediatorAs(app.Services, As.Cadre, [Roles.Cadre], await app.UnitId("QH-ZJW"));
        var behaviour = ActivatorUtilities.CreateInstance<CaseCommandBehaviour<RecordProgress, CaseDetailDto>>(cadre.Services);
        var h = handler(cadre.Services.GetRequiredService<CurrentCase>());
        return await behaviour.Handle(new RecordProgress(caseId, "已约物业现场查看"), (m, ct) => h.Handle(m, ct), CancellationToken.None);
    }

    [Fact]
    public async Task A_handler_calling_the_method_of_another_action_is_refused_and_nothing_is_saved()
    {
        var id = await app.CaseIn("accepted");
        var version = await app.Query(db => db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => Run(id, c => new AcceptingProgressHandler(c)));

        refused.Message.ShouldContain(nameof(CaseAction.Accept));
        (await app.Query(db => db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync())).ShouldBe(version);
    }

    [Fact]
    public async Task A_handler_that_keeps_to_its_action_changes_and_saves_the_case()
    {
        var id = await app.CaseIn("accepted");

        var answered = await Run(id, c => new ProgressHandler(c));

        answered.Status.ShouldBe(CaseStatus.InProgress);
        (await app.Query(db => db.Cases.Where(c => c.Id == id).Select(c => c.Status).SingleAsync())).ShouldBe(CaseStatus.InProgress);
    }
}
