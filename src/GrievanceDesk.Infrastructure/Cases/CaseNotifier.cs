using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Notifications;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Infrastructure.Cases;

/// <summary>Resolves each audience a case named to real recipients and queues one outbox message per recipient.</summary>
internal sealed class CaseNotifier(IOutbox outbox, IUserDirectory users) : ICaseNotifier
{
    public async Task EnqueueAsync(Case @case, CancellationToken ct)
    {
        foreach (var n in @case.PendingNotifications)
        {
            foreach (var (channel, recipient) in await Recipients(@case, n, ct))
            {
                outbox.Enqueue(new OutboxEntry(channel, recipient, n.Template, n.Text, @case.Id));
            }
        }

        @case.ClearPendingNotifications();
    }

    private async Task<IEnumerable<(string Channel, string Recipient)>> Recipients(Case @case, CaseNotification n, CancellationToken ct)
    {
        switch (n.Audience)
        {
            case NotificationAudience.Complainant:
                return @case.IsAnonymous
                    ? []
                    : @case.Complainants.Where(p => !string.IsNullOrEmpty(p.Phone)).Select(p => (NotificationChannels.Sms, p.Phone!)).Distinct();
            case NotificationAudience.Cadre:
                return (n.UserName ?? @case.CadreUserName) is { } cadre ? [(NotificationChannels.Internal, cadre)] : [];
            default:
                var (role, unit) = n.Audience switch
                {
                    NotificationAudience.UnitLeaders => (Roles.UnitLeader, n.UnitId ?? @case.UnitId),
                    NotificationAudience.Leaders => (Roles.Leader, (int?)null),
                    _ => (Roles.Dispatcher, (int?)null),
                };
                if (n.Audience == NotificationAudience.UnitLeaders && unit is null)
                {
                    return [];
                }

                var names = await users.UserNamesInRoleAsync(role, unit, ct);
                return names.Select(name => (NotificationChannels.Internal, name));
        }
    }
}
