using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Partners;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Partners;

public sealed record WebhookSubscriptionDto(int Id, string Url, IReadOnlyList<string> Events, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>A new subscription and its signing secret: in this answer only (it is kept encrypted and never shown again).</summary>
public sealed record WebhookSubscriptionCreated(WebhookSubscriptionDto Subscription, string Secret);

/// <summary>A partner subscribes a URL to case events of the cases it logged.</summary>
public sealed record SubscribeWebhook(string Url, IReadOnlyList<string> Events) : ICommand<WebhookSubscriptionCreated>;

public sealed record ListWebhookSubscriptions : IQuery<IReadOnlyList<WebhookSubscriptionDto>>;

/// <summary>Stops a subscription; deliveries already queued for it are no longer sent.</summary>
public sealed record UnsubscribeWebhook(int SubscriptionId) : ICommand<WebhookSubscriptionDto>;

public sealed class SubscribeWebhookValidator : AbstractValidator<SubscribeWebhook>
{
    public SubscribeWebhookValidator()
    {
        RuleFor(x => x.Url).NotEmpty().MaximumLength(WebhookSubscription.MaxUrlLength)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0)
            .WithMessage("须为 http(s) 绝对地址，且不含用户名密码 (an absolute http(s) URL without credentials).");
        RuleFor(x => x.Events).NotEmpty().WithMessage($"请至少订阅一个事件：{string.Join(", ", WebhookEvents.All)} (at least one event).");
        RuleForEach(x => x.Events).Must(e => WebhookEvents.All.Contains(e))
            .WithMessage($"未知事件，可选：{string.Join(", ", WebhookEvents.All)} (unknown event).");
    }
}

public sealed class WebhookSubscriptionHandlers(IAppDbContext db, ICurrentPartner current, IWebhookSecrets secrets, TimeProvider clock) :
    ICommandHandler<SubscribeWebhook, WebhookSubscriptionCreated>,
    IQueryHandler<ListWebhookSubscriptions, IReadOnlyList<WebhookSubscriptionDto>>,
    ICommandHandler<UnsubscribeWebhook, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionCreated> Handle(SubscribeWebhook command, CancellationToken ct)
    {
        var secret = PartnerKeys.NewWebhookSecret();
        var subscription = new WebhookSubscription(PartnerId, command.Url.Trim(), command.Events, secrets.Protect(secret), clock.GetUtcNow().UtcDateTime);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookSubscriptionCreated(ToDto(subscription), secret);
    }

    public async ValueTask<IReadOnlyList<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptions query, CancellationToken ct)
    {
        var partnerId = PartnerId;
        return (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.PartnerId == partnerId).OrderBy(s => s.Id).ToListAsync(ct))
            .Select(ToDto).ToList();
    }

    public async ValueTask<WebhookSubscriptionDto> Handle(UnsubscribeWebhook command, CancellationToken ct)
    {
        var partnerId = PartnerId;
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == command.SubscriptionId && s.PartnerId == partnerId, ct)
            ?? throw new NotFoundException("订阅", command.SubscriptionId);
        subscription.Deactivate();
        return ToDto(subscription);
    }

    private int PartnerId => current.PartnerId ?? throw new ForbiddenException("仅对接系统可调用 (partner systems only).");

    private static WebhookSubscriptionDto ToDto(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventList, s.IsActive, ChinaTime.ToOffset(s.CreatedAtUtc));
}
