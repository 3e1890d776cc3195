using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// docs/product.md §7: ID numbers are encrypted at rest (AES-GCM, a key from configuration), and a search by ID number still works
/// through a keyed hash. The proof is the database file itself: the number is not in it.
/// </summary>
public sealed class EncryptionAtRestTests : IClassFixture<CaseApp>
{
    private const string IdNumber = "11010519491231002X";

    private readonly CaseApp app;

    public EncryptionAtRestTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task The_ID_number_is_nowhere_in_the_database_file_and_its_column_holds_ciphertext()
    {
        var id = await app.LogId(app.NewIntake() with { Complainants = [new Person("张三丰", app.UniquePhone(), IdNumber)] });
        await app.LogId(app.NewIntake() with { Complainants = [new Person("李四", app.UniquePhone(), "110101199003071233")] });

        var connectionString = await DatabaseSnapshot.ConnectionString(app);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();

            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT IdNumber, IdNumberHash FROM CaseComplainants WHERE CaseId = $id";
            select.Parameters.AddWithValue("$id", id);
            await using var reader = await select.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            var stored = reader.GetString(0);
            stored.ShouldStartWith("v1:");
            stored.ShouldNotContain(IdNumber[..6]);
            var hash = reader.GetString(1);
            Convert.FromBase64String(hash).Length.ShouldBe(32);
            hash.ShouldNotContain(IdNumber[..6]);
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            var bytes = await ReadShared(path);
            foreach (var plain in new[] { IdNumber, "11010519491231002", "110101199003071233" })
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plain)).ShouldBe(-1, $"{Path.GetFileName(path)} holds {plain} in plain text");
            }
        }

        // The application still reads it: masked on the page.
        (await app.Get(As.FrontDesk, id)).GetProperty("complainants")[0].Str("idNumber").ShouldBe("110***********002X");
    }

    [Fact]
    public async Task Equal_ID_numbers_encrypt_differently_and_hash_alike()
    {
        var first = await app.LogId(app.NewIntake() with { Complainants = [new Person("王五", app.UniquePhone(), "11010519491231002X")] });
        var second = await app.LogId(app.NewIntake() with { Complainants = [new Person("王五", app.UniquePhone(), "11010519491231002x")] });

        var rows = await app.Query(async db =>
        {
            await using var connection = new SqliteConnection(db.Database.GetDbConnection().ConnectionString);
            await connection.OpenAsync();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT IdNumber, IdNumberHash FROM CaseComplainants WHERE CaseId IN ({first}, {second}) ORDER BY CaseId";
            await using var reader = await select.ExecuteReaderAsync();
            var result = new List<(string Stored, string Hash)>();
            while (await reader.ReadAsync())
            {
                result.Add((reader.GetString(0), reader.GetString(1)));
            }

            return result;
        });

        rows.Count.ShouldBe(2);
        rows[0].Stored.ShouldNotBe(rows[1].Stored, "a random nonce per value: equal numbers do not show as equal");
        rows[0].Hash.ShouldBe(rows[1].Hash, "the lookup hash is of the normalised number (x and X alike)");
    }

    [Fact]
    public async Task A_search_by_ID_number_still_finds_earlier_cases_in_lookup_similar_and_the_list()
    {
        const string id = "44030419850610107X";
        PersonalNumbersAreValid(id);
        var earlier = await app.Log(app.NewIntake() with { Complainants = [new Person("赵六", app.UniquePhone(), id)] });
        var later = await app.Log(app.NewIntake() with { Complainants = [new Person("赵六", app.UniquePhone(), id.ToLowerInvariant())] });

        var lookup = await app.GetJson(As.FrontDesk, $"/api/cases/lookup?idNumber={id.ToLowerInvariant()}");
        var hit = lookup.EnumerateArray().Single(c => c.Id() == earlier.Id());
        hit.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("同一身份证号 (same ID number)");

        var similar = await app.GetJson(As.Cadre, $"/api/cases/{later.Id()}/similar");
        similar.EnumerateArray().Single(c => c.Id() == earlier.Id()).GetProperty("reasons").EnumerateArray()
            .Select(r => r.GetString()).ShouldContain("同一身份证号 (same ID number)");

        var list = await app.GetJson(As.Dispatcher, $"/api/cases?q={id}");
        list.GetProperty("items").EnumerateArray().Select(c => c.Id()).ShouldBe([later.Id(), earlier.Id()], ignoreOrder: true);

        var none = await app.GetJson(As.FrontDesk, "/api/cases/lookup?idNumber=110101199003071233");
        none.EnumerateArray().ShouldNotContain(c => c.Id() == earlier.Id() || c.Id() == later.Id());
    }

    [Fact]
    public async Task After_a_key_rotation_old_ID_numbers_still_read_and_are_still_found_and_new_ones_use_the_new_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gd-tests", "rotation-" + Guid.NewGuid().ToString("N"));
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            long caseId;
            await using (var before = new KeyedFactory(folder, oldKey))
            {
                caseId = await LogIn(before, IdNumber);
            }

            SqliteConnection.ClearAllPools();
            await using var after = new KeyedFactory(folder, newKey, oldKey);
            var desk = await after.SignedIn(As.FrontDesk);

            var page = await desk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", GrievanceDeskFactory.Json);
            page.GetProperty("complainants")[0].Str("idNumber").ShouldBe("110***********002X");
            var found = await desk.GetFromJsonAsync<JsonElement>($"/api/cases/lookup?idNumber={IdNumber}", GrievanceDeskFactory.Json);
            found.EnumerateArray().Select(c => c.Id()).ShouldContain(caseId);

            var newer = await LogIn(after, IdNumber);
            var oldKeyId = new PersonalDataProtector(oldKey).KeyId;
            var newKeyId = new PersonalDataProtector(newKey).KeyId;
            var stored = await StoredIdNumbers(after);
            stored[caseId].ShouldStartWith($"v1:{oldKeyId}:");
            stored[newer].ShouldStartWith($"v1:{newKeyId}:");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // left for the temp cleaner
            }
        }
    }

    private static void PersonalNumbersAreValid(string id) =>
        GrievanceDesk.Application.Common.PersonalNumbers.IsIdNumber(id).ShouldBeTrue($"{id} is a valid test ID number");

    private static async Task<long> LogIn(GrievanceDeskFactory factory, string idNumber)
    {
        var desk = await factory.SignedIn(As.FrontDesk);
        var intake = new Intake
        {
            ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1),
            Complainants = [new Person("张三丰", "13812345678", idNumber)],
        };
        var response = await desk.PostAsJsonAsync("/api/cases", intake, GrievanceDeskFactory.Json);
        return (await response.ShouldBeOk<JsonElement>(System.Net.HttpStatusCode.Created)).Id();
    }

    private static async Task<Dictionary<long, string>> StoredIdNumbers(GrievanceDeskFactory factory)
    {
        await using var connection = new SqliteConnection(await DatabaseSnapshot.ConnectionString(factory));
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT CaseId, IdNumber FROM CaseComplainants WHERE IdNumber IS NOT NULL";
        await using var reader = await select.ExecuteReaderAsync();
        var result = new Dictionary<long, string>();
        while (await reader.ReadAsync())
        {
            result[reader.GetInt64(0)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task<byte[]> ReadShared(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The app on a given data folder with a given key (and earlier keys), as after a restart with a rotated key.</summary>
    private sealed class KeyedFactory(string dataDirectory, string key, string? previousKey = null) : GrievanceDeskFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Encryption:Key", key);
            if (previousKey is not null)
            {
                builder.UseSetting("Encryption:PreviousKeys:0", previousKey);
            }
        }
    }
}
