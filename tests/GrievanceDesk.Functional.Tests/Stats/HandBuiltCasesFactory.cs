using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Stats;

/// <summary>The app with the hand-built cases of <see cref="HandBuiltCases"/> in its own database.</summary>
public class HandBuiltCasesFactory : GrievanceDeskFactory, IAsyncLifetime
{
    public async Task InitializeAsync() => await HandBuiltCases.SeedAsync(Services);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
