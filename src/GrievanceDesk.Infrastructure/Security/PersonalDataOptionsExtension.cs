using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Security;

/// <summary>
/// Carries the <see cref="PersonalDataProtector"/> into <see cref="Persistence.AppDbContext"/>: its model's ID number
/// converter and its save (the lookup hash). Part of EF's service-provider identity, so that a context with another key
/// never reuses a model built with this one.
/// </summary>
public sealed class PersonalDataOptionsExtension(PersonalDataProtector protector) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public PersonalDataProtector Protector { get; } = protector;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(PersonalDataOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string KeyIds => string.Join(",", extension.Protector.KeyIds);

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"PersonalDataProtection(key {extension.Protector.KeyId}) ";

        public override int GetServiceProviderHashCode() => StringComparer.Ordinal.GetHashCode(KeyIds);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && info.KeyIds == KeyIds;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["PersonalDataProtection:KeyIds"] = KeyIds;
    }
}

public static class PersonalDataOptionsBuilderExtensions
{
    /// <summary>Encrypts ID numbers with <paramref name="protector"/>'s keys.</summary>
    public static DbContextOptionsBuilder UsePersonalDataProtection(this DbContextOptionsBuilder builder, PersonalDataProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new PersonalDataOptionsExtension(protector));
        return builder;
    }
}
