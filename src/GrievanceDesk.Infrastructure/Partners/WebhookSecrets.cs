using GrievanceDesk.Application.Partners;
using Microsoft.AspNetCore.DataProtection;

namespace GrievanceDesk.Infrastructure.Partners;

/// <summary>Webhook secrets encrypted with the app's data-protection keys (kept in the database, shared by every instance).</summary>
internal sealed class WebhookSecrets(IDataProtectionProvider provider) : IWebhookSecrets
{
    private readonly IDataProtector _protector = provider.CreateProtector("GrievanceDesk.WebhookSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
