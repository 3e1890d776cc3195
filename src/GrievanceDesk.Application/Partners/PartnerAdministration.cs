using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Partners;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Partners;

public sealed record PartnerDto(
    int Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string KeyPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset KeyIssuedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A partner and its new key. The key is in this answer only: it is stored hashed and cannot be shown again.</summary>
public sealed record PartnerKeyIssued(PartnerDto Partner, string Key);

/// <summary>Admin: registers a partner system with its scopes and issues its first key.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RegisterPartner(string Name, IReadOnlyList<string> Scopes) : ICommand<PartnerKeyIssued>;

/// <summary>Admin: a new key for the partner; the old one is refused from now on.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RotatePartnerKey(int PartnerId) : ICommand<PartnerKeyIssued>;

/// <summary>Admin: revokes the partner; its key is refused and its webhooks are no longer sent.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RevokePartner(int PartnerId) : ICommand<PartnerDto>;

[RequiresRole(Roles.Admin)]
public sealed record ListPartners : IQuery<IReadOnlyList<PartnerDto>>;

/// <summary>Admin: the partner's webhook deliveries, newest first.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListWebhookDeliveries(int PartnerId) : IQuery<IReadOnlyList<WebhookDeliveryDto>>;

/// <summary>Admin: sends a delivery again now (after the receiver was fixed, or to replay it).</summary>
[RequiresRole(Roles.Admin)]
public sealed record ResendWebhookDelivery(int PartnerId, long DeliveryId) : ICommand<WebhookDeliveryDto>;

public sealed class RegisterPartnerValidator : AbstractValidator<RegisterPartner>
{
    public RegisterPartnerValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Partner.MaxNameLength);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage("请至少授予一项权限 (at least one scope).");
        RuleForEach(x => x.Scopes).Must(s => PartnerScopes.All.Contains(s))
            .WithMessage($"未知权限，可选：{string.Join(", ", PartnerScopes.All)} (unknown scope).");
    }
}

public sealed class PartnerAdministrationHandlers(IAppDbContext db, IWebhookDeliveryLog deliveries, TimeProvider clock) :
    ICommandHandler<RegisterPartner, PartnerKeyIssued>,
    ICommandHandler<RotatePartnerKey, PartnerKeyIssued>,
    ICommandHandler<RevokePartner, PartnerDto>,
    IQueryHandler<ListPartners, IReadOnlyList<PartnerDto>>,
    IQueryHandler<ListWebhookDeliveries, IReadOnlyList<WebhookDeliveryDto>>,
    ICommandHandler<ResendWebhookDelivery, WebhookDeliveryDto>
{
    public async ValueTask<PartnerKeyIssued> Handle(RegisterPartner command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name, ct))
        {
            throw new ConflictException("partner-name-taken", $"对接系统“{name}”已存在 (a partner with this name exists).");
        }

        var key = PartnerKeys.New();
        var partner = Partner.Register(name, command.Scopes, key.Prefix, key.Hash, Now);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return new PartnerKeyIssued(ToDto(partner), key.Key);
    }

    public async ValueTask<PartnerKeyIssued> Handle(RotatePartnerKey command, CancellationToken ct)
    {
        var partner = await Load(command.PartnerId, ct);
        var key = PartnerKeys.New();
        partner.RotateKey(key.Prefix, key.Hash, Now);
        return new PartnerKeyIssued(ToDto(partner), key.Key);
    }

    public async ValueTask<PartnerDto> Handle(RevokePartner command, CancellationToken ct)
    {
        var partner = await Load(command.PartnerId, ct);
        partner.Revoke(Now);
        return ToDto(partner);
    }

    public async ValueTask<IReadOnlyList<PartnerDto>> Handle(ListPartners query, CancellationToken ct) =>
        (await db.Partners.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct)).Select(ToDto).ToList();

    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveries query, CancellationToken ct) =>
        await deliveries.ListAsync(await SubscriptionIds(query.PartnerId, ct), 200, ct);

    public async ValueTask<WebhookDeliveryDto> Handle(ResendWebhookDelivery command, CancellationToken ct)
    {
        var subscriptions = await SubscriptionIds(command.PartnerId, ct);
        return await deliveries.ResendAsync(command.DeliveryId, subscriptions, ct) ?? throw new NotFoundException("推送记录", command.DeliveryId);
    }

    private async Task<IReadOnlyCollection<int>> SubscriptionIds(int partnerId, CancellationToken ct)
    {
        await Load(partnerId, ct);
        return await db.WebhookSubscriptions.Where(s => s.PartnerId == partnerId).Select(s => s.Id).ToListAsync(ct);
    }

    private async Task<Partner> Load(int id, CancellationToken ct) =>
        await db.Partners.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("对接系统", id);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static PartnerDto ToDto(Partner p) => new(p.Id, p.Name, p.ScopeList, p.KeyPrefix, ChinaTime.ToOffset(p.CreatedAtUtc),
        ChinaTime.ToOffset(p.KeyIssuedAtUtc), p.RevokedAtUtc is { } r ? ChinaTime.ToOffset(r) : null);
}
