using GrievanceDesk.Application.Cases;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrievanceDesk.Infrastructure.Security;

public static class SecuritySetup
{
    /// <summary>
    /// The ID number protector from configuration (section "Encryption"), the ID number index and the reveal audit log.
    /// Development and Testing fall back to <see cref="EncryptionOptions.DevelopmentKey"/>. Elsewhere a missing key
    /// registers no protector: the production start guard refuses to start first, and a host that skips it (a benchmark)
    /// runs with ID numbers unreadable and unwritable rather than with a known key.
    /// </summary>
    public static IServiceCollection AddGrievanceDeskPersonalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (CreateProtector(configuration, environment) is { } protector)
        {
            services.AddSingleton(protector);
        }

        services.AddSingleton<IIdNumberIndex, IdNumberIndex>();
        services.AddScoped<IRevealAuditLog, RevealAuditLog>();
        return services;
    }

    public static PersonalDataProtector? CreateProtector(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(EncryptionOptions.Section).Get<EncryptionOptions>() ?? new EncryptionOptions();
        var key = options.Key;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                return null;
            }

            key = EncryptionOptions.DevelopmentKey;
        }

        return new PersonalDataProtector(key, options.PreviousKeys);
    }
}

/// <summary>The lookup hashes of an ID number, under every configured key (so a search finds values written before a rotation).</summary>
internal sealed class IdNumberIndex(PersonalDataProtector? protector = null) : IIdNumberIndex
{
    public IReadOnlyList<string> HashesOf(string idNumber) =>
        (protector ?? throw new InvalidOperationException("No Encryption:Key is configured: ID numbers cannot be searched.")).LookupHashes(idNumber);
}

/// <summary>Adds reveal audit rows to the command's unit of work; nothing updates or deletes them (<see cref="AppDbContext"/> refuses it).</summary>
internal sealed class RevealAuditLog(AppDbContext db) : IRevealAuditLog
{
    public void Append(RevealAudit entry) => db.RevealAudits.Add(entry);
}
