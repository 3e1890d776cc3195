using GrievanceDesk.Application.Common;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Web.Endpoints;
using GrievanceDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GrievanceDesk.Web.Pages;

/// <summary>Sign-in with the cookie: the same password check and lockout as POST /api/auth/token, the same claims.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(IAuthService auth) : UiPageModel
{
    public sealed class SignInForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", "请输入用户名。");
        }
        else if (Input.UserName.Length > 64 || TextRules.FirstForbidden(Input.UserName) is not null)
        {
            ModelState.AddModelError("Input.UserName", "用户名包含不允许的字符或过长。");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "请输入密码。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (outcome, user) = await auth.CheckPasswordAsync(Input.UserName!.Trim(), Input.Password!, HttpCurrentUser.AddressOf(HttpContext), ct);
        switch (outcome)
        {
            case SignInOutcome.LockedOut:
                Refuse("login", "登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员。");
                return Page();
            case SignInOutcome.BadCredentials:
                Refuse("login", "用户名或密码错误。");
                return Page();
        }

        var principal = AuthService.CreatePrincipal(user!, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
