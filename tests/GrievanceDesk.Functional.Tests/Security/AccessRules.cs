using System.Text.Json.Nodes;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Security;

public enum Access
{
    /// <summary>Let through: anything but 401 and 403 (and, on a case of the caller's own unit, anything but 404).</summary>
    Allowed,

    /// <summary>401: not signed in.</summary>
    Unauthenticated,

    /// <summary>403: signed in, but the role may not.</summary>
    Forbidden,

    /// <summary>404: a case of another unit does not exist for a unit's staff.</summary>
    Hidden,
}

/// <summary>
/// Who may call what, from docs/product.md §1 (and §6, §7): one rule per endpoint of the OpenAPI document. An endpoint without a
/// rule here fails <see cref="AccessMatrixTests"/>: a new endpoint is added to the API and to this table together.
/// </summary>
public static class AccessRules
{
    public const string Anonymous = "(anonymous)";

    /// <summary>A partner system with its key (not a column of the matrix: no staff caller opens a partner endpoint).</summary>
    public const string Partner = "(partner)";

    /// <summary>A cadre of another unit (东风街道) than the one the test cases go to (区住建委).</summary>
    public const string OtherUnitCadre = "cadre3";

    /// <summary>The columns of <see cref="Expected"/>, in order.</summary>
    public static readonly IReadOnlyList<string> Callers = [Anonymous, As.FrontDesk, As.Dispatcher, As.Cadre, As.UnitLeader, As.Leader, As.Admin, OtherUnitCadre];

    // Columns: anonymous · FrontDesk · Dispatcher · Cadre (区住建委) · UnitLeader (区住建委) · Leader · Admin · Cadre of another unit.
    // A = allowed, U = 401, F = 403, N = 404.
    private const string Public = "AAAAAAAA";
    private const string SignedIn = "UAAAAAAA";
    private const string AdminOnly = "UFFFFFAF";
    private const string Office = "UAAFFFFN";         // FrontDesk and Dispatcher, on a case (回访, merge, repeat, answer on the spot)
    private const string DispatcherOnly = "UFAFFFFN"; // dispatch, not accepted
    private const string TheUnit = "UFFAAFFN";        // the unit's side: accept, return, contacts, progress, extensions, pauses, resolve
    private const string UnitLeaderOnly = "UFFFAFFN"; // approvals
    private const string OfficeAndUnit = "UAAAAFFN";  // feedback and close; the audited reveal of full numbers
    private const string CaseReaders = "UAAAAAFN";    // the case page: office, leaders and the case's unit
    private const string LeaderOnly = "UFFFFAFN";     // supervision orders (督办)
    private const string IntakeDesk = "UAAFFFFF";     // log a case, look up earlier cases while logging
    private const string ListReaders = "UAAAAAFA";    // case list and statistics: a unit's staff see their own unit
    private const string BriefingReaders = "UAAFFAFF";
    private const string PartnerKeyOnly = "UUUUUUUU"; // partner systems' own key: no staff token or cookie opens these (PartnerTests)

    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = Public,
        ["GET /api/me"] = SignedIn,
        ["GET /api/track/{trackingNo}"] = Public,
        ["GET /api/units"] = SignedIn,
        ["GET /api/categories"] = SignedIn,
        ["GET /api/regions"] = SignedIn,

        ["GET /api/admin/units"] = AdminOnly,
        ["POST /api/admin/units"] = AdminOnly,
        ["PUT /api/admin/units/{id}"] = AdminOnly,
        ["DELETE /api/admin/units/{id}"] = AdminOnly,
        ["GET /api/admin/categories"] = AdminOnly,
        ["POST /api/admin/categories"] = AdminOnly,
        ["PUT /api/admin/categories/{id}"] = AdminOnly,
        ["GET /api/admin/regions"] = AdminOnly,
        ["POST /api/admin/regions"] = AdminOnly,
        ["PUT /api/admin/regions/{id}"] = AdminOnly,
        ["GET /api/admin/routing-rules"] = AdminOnly,
        ["POST /api/admin/routing-rules"] = AdminOnly,
        ["PUT /api/admin/routing-rules/{id}"] = AdminOnly,
        ["DELETE /api/admin/routing-rules/{id}"] = AdminOnly,
        ["GET /api/admin/holidays"] = AdminOnly,
        ["PUT /api/admin/holidays/{date}"] = AdminOnly,
        ["DELETE /api/admin/holidays/{date}"] = AdminOnly,
        ["GET /api/admin/holidays/coverage"] = AdminOnly,
        ["PUT /api/admin/holidays/years/{calendarYear}"] = AdminOnly,
        ["POST /api/admin/holidays/years/{calendarYear}/provisional"] = AdminOnly,
        ["GET /api/admin/users"] = AdminOnly,
        ["POST /api/admin/users"] = AdminOnly,
        ["PUT /api/admin/users/{userName}"] = AdminOnly,
        ["POST /api/admin/users/{userName}/unlock"] = AdminOnly,
        ["GET /api/admin/sla-policies"] = AdminOnly,
        ["POST /api/admin/sla-policies"] = AdminOnly,
        ["PUT /api/admin/sla-policies/{id}"] = AdminOnly,
        ["GET /api/admin/jobs"] = AdminOnly,
        ["POST /api/admin/jobs/{jobId}/trigger"] = AdminOnly,

        ["POST /api/cases"] = IntakeDesk,
        ["GET /api/cases"] = ListReaders,
        ["GET /api/cases/export"] = ListReaders,
        ["GET /api/cases/lookup"] = IntakeDesk,
        ["GET /api/cases/{id}"] = CaseReaders,
        ["GET /api/cases/{id}/similar"] = CaseReaders,
        ["POST /api/cases/{id}/dispatch"] = DispatcherOnly,
        ["POST /api/cases/{id}/accept"] = TheUnit,
        ["POST /api/cases/{id}/return"] = TheUnit,
        ["POST /api/cases/{id}/assign"] = "UFAFAFFN",
        ["POST /api/cases/{id}/contacts"] = TheUnit,
        ["POST /api/cases/{id}/progress"] = TheUnit,
        ["POST /api/cases/{id}/extensions"] = TheUnit,
        ["POST /api/cases/{id}/extensions/{extensionId}/approve"] = UnitLeaderOnly,
        ["POST /api/cases/{id}/extensions/{extensionId}/reject"] = UnitLeaderOnly,
        ["POST /api/cases/{id}/pauses"] = TheUnit,
        ["POST /api/cases/{id}/pauses/{pauseId}/approve"] = UnitLeaderOnly,
        ["POST /api/cases/{id}/pauses/{pauseId}/reject"] = UnitLeaderOnly,
        ["POST /api/cases/{id}/resume"] = TheUnit,
        ["POST /api/cases/{id}/resolution"] = TheUnit,
        ["POST /api/cases/{id}/feedback"] = OfficeAndUnit,
        ["POST /api/cases/{id}/close"] = OfficeAndUnit,
        ["POST /api/cases/{id}/return-visit"] = Office,
        ["POST /api/cases/{id}/merge"] = Office,
        ["POST /api/cases/{id}/repeat-of"] = Office,
        ["POST /api/cases/{id}/not-accept"] = DispatcherOnly,
        ["POST /api/cases/{id}/answer"] = Office,
        ["POST /api/cases/{id}/supervision"] = LeaderOnly,
        ["POST /api/cases/{id}/reveal"] = OfficeAndUnit,
        ["GET /api/cases/{id}/attachments/{attachmentId}"] = CaseReaders,
        ["POST /api/cases/{id}/attachments"] = OfficeAndUnit,

        ["GET /api/stats"] = ListReaders,
        ["GET /api/stats/hot-issues"] = ListReaders,
        ["GET /api/stats/export"] = ListReaders,

        ["GET /api/briefings"] = BriefingReaders,
        ["GET /api/briefings/weekly/{year}/{week}"] = BriefingReaders,

        ["POST /api/partner/cases"] = PartnerKeyOnly,
        ["GET /api/partner/cases"] = PartnerKeyOnly,
        ["GET /api/partner/cases/{id}"] = PartnerKeyOnly,
        ["POST /api/partner/webhooks"] = PartnerKeyOnly,
        ["GET /api/partner/webhooks"] = PartnerKeyOnly,
        ["DELETE /api/partner/webhooks/{id}"] = PartnerKeyOnly,
        ["GET /api/admin/partners"] = AdminOnly,
        ["POST /api/admin/partners"] = AdminOnly,
        ["POST /api/admin/partners/{id}/rotate-key"] = AdminOnly,
        ["POST /api/admin/partners/{id}/revoke"] = AdminOnly,
        ["GET /api/admin/partners/{id}/deliveries"] = AdminOnly,
        ["POST /api/admin/partners/{id}/deliveries/{deliveryId}/resend"] = AdminOnly,
    };

    public static Access For(string endpoint, string caller)
    {
        var column = Callers.ToList().IndexOf(caller);
        return Expected[endpoint][column] switch
        {
            'A' => Access.Allowed,
            'U' => Access.Unauthenticated,
            'F' => Access.Forbidden,
            'N' => Access.Hidden,
            var c => throw new InvalidOperationException($"Unknown access code {c} for {endpoint}."),
        };
    }

    /// <summary>A caller the rules let through, preferring office staff: the one the bad-input corpus signs in as.</summary>
    public static string FirstAllowed(string endpoint) =>
        Expected[endpoint] == PartnerKeyOnly ? Partner :
        new[] { As.Dispatcher, As.FrontDesk, As.UnitLeader, As.Cadre, As.Leader, As.Admin, Anonymous }.First(c => For(endpoint, c) == Access.Allowed);
}

/// <summary>The things a sample request points at: a case of 区住建委 and the ids of the other routes.</summary>
public sealed record Targets(
    long CaseId,
    long OtherCaseId,
    string TrackingNo,
    string QueryCode,
    DateTimeOffset Now,
    JsonObject SlaPolicy,
    int BriefingYear,
    int BriefingWeek)
{
    /// <summary>The id in admin routes ({id}) and of extensions and pauses: none with this id exists.</summary>
    public string ReferenceId { get; init; } = "999999";

    public string UserName { get; init; } = "nobody-at-all";

    /// <summary>An attachment of <see cref="CaseId"/>.</summary>
    public string AttachmentId { get; init; } = "999999";

    public string Date { get; init; } = "2099-01-01";

    public string JobId { get; init; } = "no-such-job";

    /// <summary>Who the sample sign-in names. The corpus names nobody: a wrong password for a real user would count towards their lockout.</summary>
    public string SignInUser { get; init; } = As.FrontDesk;
}

/// <summary>For each endpoint, a request that is valid as far as its body and route go: the starting point of the bad-input corpus.</summary>
public static class SampleRequests
{
    public static string Path(ApiOperation op, Targets t)
    {
        var path = op.Template
            .Replace("{id}", op.Template.StartsWith("/api/cases/", StringComparison.Ordinal) ? t.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture) : t.ReferenceId, StringComparison.Ordinal)
            .Replace("{extensionId}", t.ReferenceId, StringComparison.Ordinal)
            .Replace("{pauseId}", t.ReferenceId, StringComparison.Ordinal)
            .Replace("{attachmentId}", t.AttachmentId, StringComparison.Ordinal)
            .Replace("{deliveryId}", t.ReferenceId, StringComparison.Ordinal)
            .Replace("{trackingNo}", t.TrackingNo, StringComparison.Ordinal)
            .Replace("{userName}", t.UserName, StringComparison.Ordinal)
            .Replace("{date}", t.Date, StringComparison.Ordinal)
            .Replace("{calendarYear}", "2099", StringComparison.Ordinal) // a year no other test reads
            .Replace("{jobId}", t.JobId, StringComparison.Ordinal)
            .Replace("{year}", t.BriefingYear.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{week}", t.BriefingWeek.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return op.Key switch
        {
            "GET /api/track/{trackingNo}" => $"{path}?code={t.QueryCode}",
            "GET /api/cases/lookup" => $"{path}?phone=13800000000",
            "GET /api/admin/holidays" => $"{path}?year=2026",
            _ => path,
        };
    }

    /// <summary>The JSON body, or null for an endpoint that takes none.</summary>
    public static JsonObject? Body(ApiOperation op, Targets t)
    {
        var at = t.Now.AddMinutes(-5).ToString("O");
        return op.Key switch
        {
            "POST /api/auth/token" => new() { ["userName"] = t.SignInUser, ["password"] = GrievanceDeskFactory.Password },
            "POST /api/admin/units" or "PUT /api/admin/units/{id}" =>
                new() { ["code"] = "SEC-T1", ["name"] = "安全测试单位", ["parentId"] = null, ["autoAssign"] = false, ["isActive"] = true },
            "POST /api/admin/categories" or "PUT /api/admin/categories/{id}" or "POST /api/admin/regions" or "PUT /api/admin/regions/{id}" =>
                new() { ["code"] = "SEC-T1", ["name"] = "安全测试", ["parentId"] = null, ["isActive"] = true },
            "POST /api/admin/routing-rules" or "PUT /api/admin/routing-rules/{id}" =>
                new() { ["categoryId"] = 1, ["regionId"] = null, ["unitId"] = 1, ["note"] = null, ["isActive"] = true },
            "PUT /api/admin/holidays/{date}" => new() { ["kind"] = "holiday", ["name"] = "安全测试" },
            "PUT /api/admin/holidays/years/{calendarYear}" => new() { ["arrangement"] = "2099-10-01 安全测试" },
            "POST /api/admin/users" =>
                new() { ["userName"] = "sec-new-user", ["displayName"] = "安全测试", ["password"] = "Secure@2026x", ["roles"] = new JsonArray("FrontDesk"), ["unitId"] = null },
            "PUT /api/admin/users/{userName}" =>
                new() { ["displayName"] = "安全测试", ["roles"] = new JsonArray("FrontDesk"), ["unitId"] = null, ["isActive"] = true },
            "POST /api/admin/sla-policies" or "PUT /api/admin/sla-policies/{id}" => (JsonObject)t.SlaPolicy.DeepClone(),
            "POST /api/cases" => new()
            {
                ["channel"] = "call",
                ["kind"] = "claim",
                ["urgency"] = "normal",
                ["receivedAt"] = at,
                ["anonymous"] = false,
                ["complainants"] = new JsonArray(new JsonObject { ["name"] = "张三", ["phone"] = "13912345678", ["idNumber"] = "11010519491231002X", ["address"] = null }),
                ["headCount"] = 1,
                ["categoryCode"] = "CSJS-WYGL",
                ["regionCode"] = "QH-XH-HB",
                ["address"] = "湖滨路1号",
                ["subject"] = "电梯故障无人维修",
                ["content"] = "电梯坏了三天，物业一直不修。",
            },
            "POST /api/cases/{id}/dispatch" => new() { ["unitCode"] = "QH-ZJW", ["cadreUserName"] = null, ["note"] = null },
            "POST /api/cases/{id}/return" or "POST /api/cases/{id}/pauses" or "POST /api/cases/{id}/not-accept" => new() { ["reason"] = "不属于本单位职责范围" },
            "POST /api/cases/{id}/extensions/{extensionId}/reject" or "POST /api/cases/{id}/pauses/{pauseId}/reject" => new() { ["reason"] = "理由不充分" },
            "POST /api/cases/{id}/reveal" => new() { ["reason"] = "回访前核对诉求人电话" },
            "POST /api/cases/{id}/attachments" => new() { ["fileName"] = "现场照片.jpg", ["contentType"] = "image/jpeg", ["contentBase64"] = "/9j/4AAQ" },
            "POST /api/cases/{id}/assign" => new() { ["cadreUserName"] = "cadre2" },
            "POST /api/cases/{id}/contacts" => new() { ["at"] = at, ["channel"] = "phone", ["reached"] = true, ["note"] = "已电话联系诉求人" },
            "POST /api/cases/{id}/progress" or "POST /api/cases/{id}/supervision" => new() { ["note"] = "请加快办理" },
            "POST /api/cases/{id}/extensions" => new() { ["days"] = 3, ["reason"] = "等待检测报告" },
            "POST /api/cases/{id}/resolution" => new() { ["outcome"] = "resolved", ["summary"] = "电梯已修复" },
            "POST /api/cases/{id}/feedback" => new() { ["channel"] = "phone", ["at"] = at, ["reached"] = true, ["content"] = "已告知办理结果", ["complainantResponse"] = null },
            "POST /api/cases/{id}/return-visit" => new() { ["satisfaction"] = "satisfied", ["solved"] = true, ["note"] = null },
            "POST /api/cases/{id}/merge" => new() { ["intoCaseId"] = t.OtherCaseId },
            "POST /api/cases/{id}/repeat-of" => new() { ["caseId"] = t.OtherCaseId },
            "POST /api/cases/{id}/answer" => new() { ["answer"] = "已当场解答", ["channel"] = "phone" },
            _ => null,
        };
    }
}
