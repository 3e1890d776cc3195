using FluentValidation;
using GrievanceDesk.Application.Common;
using Mediator;

namespace GrievanceDesk.Application.Auth;

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles);

/// <summary>POST /api/auth/token. A request, not a command: a failed sign-in must still record the failure (lockout).</summary>
public sealed record IssueToken(string UserName, string Password) : IRequest<TokenResponse>;

public sealed class IssueTokenValidator : AbstractValidator<IssueToken>
{
    public IssueTokenValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, int? UnitId, string? UnitCode, string? UnitName);

public sealed record GetMe : IQuery<MeResponse>;

public sealed class AuthHandlers(IAuthService auth, IUserDirectory users, ICurrentUser me, IAppDbContext db) :
    IRequestHandler<IssueToken, TokenResponse>,
    IQueryHandler<GetMe, MeResponse>
{
    public async ValueTask<TokenResponse> Handle(IssueToken request, CancellationToken ct)
    {
        var (outcome, user) = await auth.CheckPasswordAsync(request.UserName, request.Password, me.ClientAddress, ct);
        switch (outcome)
        {
            case SignInOutcome.LockedOut:
                throw new SignInRefusedException("locked-out", "登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员 (account locked out).");
            case SignInOutcome.BadCredentials:
                throw new SignInRefusedException("bad-credentials", "用户名或密码错误 (wrong user name or password).");
        }

        var (token, expiresAt) = auth.IssueToken(user!);
        return new TokenResponse(token, expiresAt, user!.User.Roles);
    }

    public async ValueTask<MeResponse> Handle(GetMe query, CancellationToken ct)
    {
        var user = await users.FindAsync(me.UserName, ct) ?? throw new NotFoundException("用户", me.UserName);
        var unit = user.UnitId is { } unitId ? await db.Units.FindAsync([unitId], ct) : null;
        return new MeResponse(user.UserName, user.DisplayName, user.Roles, user.UnitId, unit?.Code, unit?.Name);
    }
}
