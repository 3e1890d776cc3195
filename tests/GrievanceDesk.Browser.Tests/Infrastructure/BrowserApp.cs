using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GrievanceDesk.Browser.Tests.Infrastructure;

/// <summary>
/// One app and one browser for the whole browser suite: the app on a real Kestrel port on 127.0.0.1 (a browser cannot
/// reach WebApplicationFactory's in-memory TestServer), its own SQLite file with the demo users and a few dozen demo
/// cases, and Debian's Chromium through Playwright. Each test opens its own browser contexts (one per signed-in user).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "Demo@2026";

    /// <summary>Demo cases spread over the last ten weeks, so that lists, charts and the ranking have something to show.</summary>
    public const int DemoCases = 120;

    /// <summary>The sign-in attempts (POSTs) one address may make per minute in the browser suite.</summary>
    public const int SignInAttemptsPerMinute = 60;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "gd-browser-tests", Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's services, to read what a page wrote (an audit row) straight from the database.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where screenshots and downloads go: the test project's test-output/ folder (ignored by git).</summary>
    public static string OutputDirectory { get; } = FindOutputDirectory();

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var chromium = await Chromium.EnsureInstalledAsync();
        _factory = new Factory(_dataDirectory);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.Flags,
        });
        Directory.CreateDirectory(OutputDirectory);
        Console.WriteLine($"Browser suite: app at {BaseUrl}, {Browser.BrowserType.Name} {Browser.Version}, ready in {clock.Elapsed.TotalSeconds:0.0} s; output in {OutputDirectory}");
    }

    /// <summary>A fresh browser context (its own cookies) at 1280×800, signed in as <paramref name="userName"/>.</summary>
    public async Task<IPage> SignedIn(string userName, int width = 1280, int height = 800)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync("/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    public async Task<IPage> NewPage(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open is left to the OS temp cleaner.
        }
    }

    private static string FindOutputDirectory()
    {
        var project = typeof(BrowserApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        return project is not null && Directory.Exists(project)
            ? Path.Combine(project, "test-output")
            : Path.Combine(AppContext.BaseDirectory, "test-output");
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:Password", Password);
            builder.UseSetting("Demo:Cases", DemoCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // The production default; the login-views test makes more views than this, to show that views do not count.
            builder.UseSetting("RateLimits:SignInPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:TrackingPerMinute", "1000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Jobs:RunServer", "false");
            // A small demo office: rank units from 3 cases (not 10) so that the dashboard's 红黑榜 has rows to show.
            builder.UseSetting("Stats:MinimumCasesForRanking", "3");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
