using GrievanceDesk.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GrievanceDesk.Browser.Tests.Pages;

/// <summary>对接系统: the admin registers a partner system, sees its key once, rotates it and revokes the partner.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerAdminPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_admin_registers_a_partner_sees_its_key_once_rotates_and_revokes_it()
    {
        var admin = await app.SignedIn("admin");
        await admin.GotoAsync("/admin/partners");

        // Without a scope: the error stands next to the scopes.
        await admin.FillAsync("#Input_Name", "省12345平台（页面）");
        await admin.ClickAsync("button:has-text('登记并签发密钥')");
        (await admin.Locator(".field:has([name='Input.Scopes']) .field-error").InnerTextAsync()).ShouldContain("权限");

        await admin.FillAsync("#Input_Name", "省12345平台（页面）");
        await admin.CheckAsync("input[name='Input.Scopes'][value='cases:create']");
        await admin.CheckAsync("input[name='Input.Scopes'][value='cases:read-own']");
        await admin.ClickAsync("button:has-text('登记并签发密钥')");
        var first = await admin.GetByTestId("issued-key").Locator("code").InnerTextAsync();
        first.ShouldStartWith("gdp_");
        var row = admin.GetByTestId("partners-table").Locator("tr", new() { HasText = "省12345平台（页面）" });
        await Assertions.Expect(row).ToContainTextAsync("cases:create cases:read-own");
        await admin.Capture("admin-partners");

        await admin.GotoAsync("/admin/partners");
        await Assertions.Expect(admin.GetByTestId("issued-key")).ToHaveCountAsync(0); // shown once

        await row.Locator("button:has-text('更换密钥')").ClickAsync();
        (await admin.GetByTestId("issued-key").Locator("code").InnerTextAsync()).ShouldNotBe(first);
        await row.Locator("button:has-text('吊销')").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已吊销");
        await admin.CloseContext();
    }
}
