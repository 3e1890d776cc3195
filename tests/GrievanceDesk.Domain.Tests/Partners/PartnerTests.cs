using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Partners;

namespace GrievanceDesk.Domain.Tests.Partners;

public sealed class PartnerTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_partner_holds_only_known_scopes()
    {
        var partner = Partner.Register(" 省平台 ", [PartnerScopes.CasesReadOwn, PartnerScopes.CasesCreate, PartnerScopes.CasesCreate], "abc", "hash", Now);

        partner.Name.ShouldBe("省平台");
        partner.ScopeList.ShouldBe([PartnerScopes.CasesCreate, PartnerScopes.CasesReadOwn]);
        partner.HasScope(PartnerScopes.CasesCreate).ShouldBeTrue();
        partner.HasScope(PartnerScopes.WebhooksManage).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Partner.Register("x", ["cases:delete"], "p", "h", Now));
    }

    [Fact]
    public void A_revoked_partner_has_no_scope_and_gets_no_new_key()
    {
        var partner = Partner.Register("省平台", PartnerScopes.All, "abc", "hash", Now);

        partner.Revoke(Now.AddHours(1));
        partner.Revoke(Now.AddHours(2));

        partner.RevokedAtUtc.ShouldBe(Now.AddHours(1));
        partner.HasScope(PartnerScopes.CasesCreate).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => partner.RotateKey("def", "hash2", Now.AddHours(3))).Rule.ShouldBe(PartnerRules.PartnerRevoked);
    }

    [Fact]
    public void Rotating_replaces_the_key()
    {
        var partner = Partner.Register("省平台", PartnerScopes.All, "abc", "hash", Now);

        partner.RotateKey("def", "hash2", Now.AddDays(1));

        (partner.KeyPrefix, partner.KeyHash, partner.KeyIssuedAtUtc).ShouldBe(("def", "hash2", Now.AddDays(1)));
    }

    [Theory]
    [InlineData(Channel.Transfer, true)]
    [InlineData(Channel.Online, true)]
    [InlineData(Channel.Visit, false)]
    [InlineData(Channel.Call, false)]
    [InlineData(Channel.Letter, false)]
    public void Partners_log_transfer_and_online_cases_only(Channel channel, bool allowed) =>
        PartnerCase.IsAllowedChannel(channel).ShouldBe(allowed);

    [Theory]
    [InlineData(TimelineActions.Registered, WebhookEvents.Registered)]
    [InlineData(TimelineActions.Dispatched, WebhookEvents.Dispatched)]
    [InlineData(TimelineActions.Redispatched, WebhookEvents.Dispatched)]
    [InlineData(TimelineActions.Resolved, WebhookEvents.Resolved)]
    [InlineData(TimelineActions.NotAccepted, WebhookEvents.Resolved)]
    [InlineData(TimelineActions.AnsweredOnTheSpot, WebhookEvents.Resolved)]
    [InlineData(TimelineActions.FeedbackRecorded, WebhookEvents.FeedbackGiven)]
    [InlineData(TimelineActions.Closed, WebhookEvents.Closed)]
    [InlineData(TimelineActions.Reopened, WebhookEvents.Reopened)]
    [InlineData(TimelineActions.Accepted, null)]
    [InlineData(TimelineActions.ContactRevealed, null)]
    [InlineData(TimelineActions.ProgressRecorded, null)]
    public void Timeline_actions_raise_the_partner_events(string action, string? expected) =>
        WebhookEvents.ForTimelineAction(action).ShouldBe(expected);

    [Fact]
    public void A_subscription_wants_only_its_events_while_active()
    {
        var subscription = new WebhookSubscription(1, "https://partner.example/hook", [WebhookEvents.Closed, WebhookEvents.Reopened], "secret", Now);

        subscription.Wants(WebhookEvents.Closed).ShouldBeTrue();
        subscription.Wants(WebhookEvents.Registered).ShouldBeFalse();
        subscription.Deactivate();
        subscription.Wants(WebhookEvents.Closed).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => new WebhookSubscription(1, "https://x", ["deleted"], "s", Now));
    }
}
