using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>
/// Requests carry their roles and the authorization behaviour checks them for every sender: an admin-only request sent
/// straight through the app's Mediator (no endpoint, no page in between) by anyone else is refused.
/// </summary>
public sealed class RequestAuthorizationTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    public static TheoryData<string> NonAdminRoles => [Roles.FrontDesk, Roles.Dispatcher, Roles.Cadre, Roles.UnitLeader, Roles.Leader];

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task An_admin_only_query_sent_by_another_role_is_refused_by_the_behaviour(string role)
    {
        using var caller = new MediatorAs(app.Services, "someone", [role], unitId: role is Roles.Cadre or Roles.UnitLeader ? 1 : null);

        var refused = await Should.ThrowAsync<ForbiddenException>(async () => await caller.Sender.Send(new ListUsers()));

        refused.Message.ShouldContain("系统管理员");
    }

    [Fact]
    public async Task An_admin_only_command_is_refused_before_validation_and_writes_nothing()
    {
        using (var leader = new MediatorAs(app.Services, "leader", [Roles.Leader]))
        {
            // Blank fields would be a 400; the caller's role is checked first.
            await Should.ThrowAsync<ForbiddenException>(async () => await leader.Sender.Send(new CreateUnit("", "", null, false)));
            await Should.ThrowAsync<ForbiddenException>(async () => await leader.Sender.Send(new CreateUnit("AUTHZ-1", "越权单位", null, false)));
            await Should.ThrowAsync<ForbiddenException>(async () => await leader.Sender.Send(new TriggerJob("escalation-sweep")));
        }

        using var admin = new MediatorAs(app.Services, "admin", [Roles.Admin]);
        (await admin.Sender.Send(new ListUnits())).ShouldNotContain(u => u.Code == "AUTHZ-1");
    }

    [Fact]
    public async Task An_unauthenticated_caller_is_refused_too()
    {
        using var scope = app.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();

        await Should.ThrowAsync<ForbiddenException>(async () => await sender.Send(new ListUsers()));
    }

    [Fact]
    public async Task The_admin_is_let_through()
    {
        using var admin = new MediatorAs(app.Services, "admin", [Roles.Admin]);

        (await admin.Sender.Send(new ListUsers())).ShouldContain(u => u.UserName == As.Admin);
        var unit = await admin.Sender.Send(new CreateUnit("AUTHZ-2", "授权测试单位", null, false));
        unit.Code.ShouldBe("AUTHZ-2");
    }
}
