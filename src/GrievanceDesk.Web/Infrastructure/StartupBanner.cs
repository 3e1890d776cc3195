using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>Prints where the app listens and, in demo mode, the demo logins.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var admin = app.Services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var lines = new List<string> { string.Empty, "GrievanceDesk 信访/接诉即办案件办理系统 is running:" };
        lines.AddRange(addresses.Select(a => $"  {a}   (API docs: {a}/scalar)"));
        if (demo.Seed)
        {
            lines.Add($"Demo logins (password {demo.Password}):");
            lines.Add($"  {admin.UserName,-12} 系统管理员");
            lines.AddRange(DemoUsers.All.Select(u => $"  {u.UserName,-12} {u.DisplayName} · {u.Description}"));
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
