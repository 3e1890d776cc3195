using System.Net;
using System.Text.Json;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// A unique key lost to a concurrent writer (the day's first tracking number on two instances, an idempotency key) is a
/// 409 "retry", not a 500; a database that takes no writes is a 503 naming the cause. SQLite serialises writers, so the
/// race itself cannot be staged here; the mapping (Infrastructure's DatabaseErrors, then the problem handler) is checked
/// directly with the errors both providers raise.
/// </summary>
public sealed class ProblemMappingTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    [Theory]
    [InlineData(2067)] // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(1555)] // SQLITE_CONSTRAINT_PRIMARYKEY
    public async Task A_lost_unique_key_race_is_a_409_write_conflict(int extendedCode)
    {
        var translated = DatabaseErrors.Translate(new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19, extendedCode)));
        translated.ShouldBeOfType<UniqueKeyConflictException>();

        var (status, body) = await Handle(translated);

        status.ShouldBe((int)HttpStatusCode.Conflict);
        body.GetProperty("type").GetString().ShouldBe(ProblemAssertions.TypeBase + "write-conflict");
    }

    [Theory]
    [InlineData(8, "read-only")]
    [InlineData(13, "full")]
    [InlineData(14, "unable to open")]
    public async Task A_database_that_takes_no_writes_is_a_503_naming_the_cause(int code, string cause)
    {
        var (status, body) = await Handle(new SqliteException("write refused", code));

        status.ShouldBe((int)HttpStatusCode.ServiceUnavailable);
        body.GetProperty("type").GetString().ShouldBe(ProblemAssertions.TypeBase + "database-unavailable");
        body.GetProperty("detail").GetString()!.ShouldContain(cause);
    }

    [Fact]
    public async Task Another_database_failure_stays_a_server_error()
    {
        var handler = Handler(out var http);

        var handled = await handler.TryHandleAsync(http, new DbUpdateException("save failed", new SqliteException("FOREIGN KEY constraint failed", 19, 787)), default);

        handled.ShouldBeFalse("a broken foreign key is a bug to see in the log, not a conflict to retry");
        DatabaseErrors.Translate(new DbUpdateException("save failed", new SqliteException("FOREIGN KEY constraint failed", 19, 787))).ShouldBeNull();
    }

    private async Task<(int Status, JsonElement Body)> Handle(Exception exception)
    {
        var handler = Handler(out var http);
        (await handler.TryHandleAsync(http, exception, default)).ShouldBeTrue();
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone());
    }

    private ProblemExceptionHandler Handler(out DefaultHttpContext http)
    {
        var scope = app.Services.CreateScope();
        http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        return new ProblemExceptionHandler(scope.ServiceProvider.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);
    }
}
