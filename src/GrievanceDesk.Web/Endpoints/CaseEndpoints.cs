using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Close;
using GrievanceDesk.Application.Cases.Dispatch;
using GrievanceDesk.Application.Cases.Duplicates;
using GrievanceDesk.Application.Cases.Handling;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Cases.Reveal;
using GrievanceDesk.Application.Cases.Supervision;
using GrievanceDesk.Application.Cases.ReturnVisits;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Web.Infrastructure;
using GrievanceDesk.Web.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>
/// The case API of docs/product.md §6. Thin: each route builds one request and sends it. Writes take an optional
/// <c>If-Match</c> with the case's version; a write over a newer version is a 409.
/// </summary>
internal static class CaseEndpoints
{
    public sealed record DispatchBody(string UnitCode, string? CadreUserName, string? Note);

    public sealed record ReasonBody(string Reason);

    public sealed record OptionalReasonBody(string? Reason);

    public sealed record AssignBody(string CadreUserName);

    public sealed record ContactBody(DateTimeOffset At, ContactChannel Channel, bool Reached, string Note);

    public sealed record NoteBody(string Note);

    public sealed record ExtensionBody(int Days, string Reason);

    public sealed record ResolutionBody(Outcome Outcome, string Summary);

    public sealed record FeedbackBody(ContactChannel Channel, DateTimeOffset At, bool Reached, string Content, string? ComplainantResponse);

    public sealed record ReturnVisitBody(Satisfaction Satisfaction, bool Solved, string? Note);

    public sealed record MergeBody(long IntoCaseId);

    public sealed record RepeatOfBody(long CaseId);

    public sealed record AnswerBody(string Answer, ContactChannel Channel);

    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var readers = new[] { Roles.FrontDesk, Roles.Dispatcher, Roles.Leader, Roles.Cadre, Roles.UnitLeader };
        var cases = app.MapGroup("/api/cases").RequireAuthorization(p => p.RequireRole(readers)).WithTags("Cases")
            .WithMetadata(new AcceptsIfMatchAttribute());

        cases.MapPost("/", LogCase).RequireAuthorization(p => p.RequireRole(Roles.FrontDesk, Roles.Dispatcher))
            .WithSummary("Log a case; honours Idempotency-Key")
            .WithRequestExample("call", "来电: a claim about a lift, routed by the rules", new LogCase(
                Channel.Call, CaseKind.Claim, Urgency.Normal, new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8)), false,
                [new ComplainantInput("张三", "13800138000", null, "湖滨路1号")], 1, "CSJS-WYGL", "QH-XH-HB", "湖滨路1号",
                "电梯故障无人维修", "3号楼电梯坏了三天，物业一直不修，老人上下楼困难。"))
            .WithRequestExample("collective-visit", "来访: a collective petition (headCount ≥ 5 makes it urgent)", new LogCase(
                Channel.Visit, CaseKind.Claim, Urgency.Normal, new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(8)), false,
                [new ComplainantInput("李四", "13900139000", null, null)], 8, "LDSB-QX", "QH-XH-HB", "湖滨路工地",
                "工地拖欠农民工工资", "八名工人反映湖滨路工地拖欠三个月工资共计十二万元。"));
        cases.MapGet("/", async ([AsParameters] ListCasesQuery q, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(q.ToQuery(), ct)))
            .WithSummary("Paged list with the filters of docs/product.md §6");
        cases.MapGet("/lookup", async (string? phone, string? idNumber, string? address, string? content, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new LookupSimilarCases(phone, idNumber, address, content), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.FrontDesk, Roles.Dispatcher))
            .WithSummary("Earlier and similar cases while logging a new one");
        cases.MapGet("/{id:long}", async (long id, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new GetCase(id), ct)))
            .WithSummary("The case with deadlines, flags and timeline");
        cases.MapGet("/{id:long}/similar", async (long id, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new FindSimilarCases(id), ct)))
            .WithSummary("Possible repeats and duplicates");

        Write<DispatchBody>(cases, "dispatch", (id, v, b) => new DispatchCase(id, b.UnitCode, b.CadreUserName, b.Note, v));
        Write(cases, "accept", (id, v) => new AcceptCase(id, v));
        Write<ReasonBody>(cases, "return", (id, v, b) => new ReturnCase(id, b.Reason, v));
        Write<AssignBody>(cases, "assign", (id, v, b) => new AssignCase(id, b.CadreUserName, v));
        Write<ContactBody>(cases, "contacts", (id, v, b) => new RecordContact(id, b.At, b.Channel, b.Reached, b.Note, v));
        Write<NoteBody>(cases, "progress", (id, v, b) => new RecordProgress(id, b.Note, v));
        Write<ExtensionBody>(cases, "extensions", (id, v, b) => new RequestExtension(id, b.Days, b.Reason, v));
        cases.MapPost("/{id:long}/extensions/{extensionId:long}/approve", (long id, long extensionId, HttpRequest r, ISender s, CancellationToken ct) =>
            Send(s, new ApproveExtension(id, extensionId, IfMatch(r)), ct));
        cases.MapPost("/{id:long}/extensions/{extensionId:long}/reject", (long id, long extensionId, OptionalReasonBody? b, HttpRequest r, ISender s, CancellationToken ct) =>
            Send(s, new RejectExtension(id, extensionId, b?.Reason, IfMatch(r)), ct));
        Write<ReasonBody>(cases, "pauses", (id, v, b) => new RequestPause(id, b.Reason, v));
        cases.MapPost("/{id:long}/pauses/{pauseId:long}/approve", (long id, long pauseId, HttpRequest r, ISender s, CancellationToken ct) =>
            Send(s, new ApprovePause(id, pauseId, IfMatch(r)), ct));
        cases.MapPost("/{id:long}/pauses/{pauseId:long}/reject", (long id, long pauseId, OptionalReasonBody? b, HttpRequest r, ISender s, CancellationToken ct) =>
            Send(s, new RejectPause(id, pauseId, b?.Reason, IfMatch(r)), ct));
        Write(cases, "resume", (id, v) => new ResumeCase(id, v));
        Write<ResolutionBody>(cases, "resolution", (id, v, b) => new ResolveCase(id, b.Outcome, b.Summary, v));
        Write<FeedbackBody>(cases, "feedback", (id, v, b) => new RecordFeedback(id, b.Channel, b.At, b.Reached, b.Content, b.ComplainantResponse, v));
        Write(cases, "close", (id, v) => new CloseCase(id, v));
        Write<ReturnVisitBody>(cases, "return-visit", (id, v, b) => new RecordReturnVisit(id, b.Satisfaction, b.Solved, b.Note, v));
        Write<MergeBody>(cases, "merge", (id, v, b) => new MergeCase(id, b.IntoCaseId, v));
        Write<RepeatOfBody>(cases, "repeat-of", (id, v, b) => new MarkRepeatOf(id, b.CaseId, v));
        Write<ReasonBody>(cases, "not-accept", (id, v, b) => new NotAcceptCase(id, b.Reason, v));
        Write<AnswerBody>(cases, "answer", (id, v, b) => new AnswerOnTheSpot(id, b.Answer, b.Channel, v));
        Write<NoteBody>(cases, "supervision", (id, v, b) => new IssueSupervision(id, b.Note, v));
        cases.MapPost("/{id:long}/reveal", async (long id, ReasonBody body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
            {
                var revealed = await s.Send(new RevealComplainants(id, body.Reason, IfMatch(request)), ct);
                response.Headers.CacheControl = "no-store"; // personal data: no proxy or browser keeps a copy
                return TypedResults.Ok(revealed);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.FrontDesk, Roles.Dispatcher, Roles.Cadre, Roles.UnitLeader))
            .WithSummary("The full phone and ID numbers of the case's complainants: audited (who, when, why), a reason required");

        app.MapGet("/api/track/{trackingNo}", async (string trackingNo, string? code, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new TrackCase(trackingNo, code), ct)))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicTracking)
            .WithTags("Public")
            .WithSummary("Public tracking (阳光信访): tracking number and query code, nothing personal");
    }

    private static async Task<Results<Created<CaseDetailDto>, Ok<CaseDetailDto>>> LogCase(LogCase body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender s, CancellationToken ct)
    {
        var command = body with { IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim() };
        LogCaseResult result;
        try
        {
            result = await s.Send(command, ct);
        }
        catch (UniqueKeyConflictException) when (command.IdempotencyKey is not null)
        {
            // Two retries raced past the lookup on different connections: the loser's insert hit the unique key.
            // Its transaction rolled back; the winner's case is the answer.
            result = await s.Send(command, ct);
        }

        return result.Created
            ? TypedResults.Created($"/api/cases/{result.Case.Id}", result.Case)
            : TypedResults.Ok(result.Case);
    }

    private static void Write(RouteGroupBuilder cases, string action, Func<long, int?, ICommand<CaseDetailDto>> command) =>
        cases.MapPost($"/{{id:long}}/{action}", (long id, HttpRequest r, ISender s, CancellationToken ct) => Send(s, command(id, IfMatch(r)), ct));

    // The body is required: a missing body or a JSON null is a 400, not a null the command builder trips over.
    private static void Write<TBody>(RouteGroupBuilder cases, string action, Func<long, int?, TBody, ICommand<CaseDetailDto>> command)
        where TBody : class =>
        cases.MapPost($"/{{id:long}}/{action}", ([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Disallow)] TBody body, long id, HttpRequest r, ISender s, CancellationToken ct) =>
            Send(s, command(id, IfMatch(r), body), ct));

    private static async Task<Ok<CaseDetailDto>> Send(ISender s, ICommand<CaseDetailDto> command, CancellationToken ct) =>
        TypedResults.Ok(await s.Send(command, ct));

    /// <summary>
    /// If-Match: "7" (or 7, or W/"7") — the version the client last saw; absent or <c>*</c>: no precondition. Anything
    /// else is a 400: a precondition the server cannot read must not turn into a write without one.
    /// </summary>
    internal static int? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(tag.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException($"If-Match 应为案件版本号，如 \"7\" (If-Match must be the case version, e.g. \"7\"; got {Shorten(header)}).");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The list's query string, bound as parameters.</summary>
    public sealed record ListCasesQuery(
        string? Status,
        string? Unit,
        string? Category,
        string? Region,
        string? Channel,
        bool? Overdue,
        string? Q,
        DateOnly? From,
        DateOnly? To,
        int? Page,
        int? PageSize,
        string? Sort)
    {
        public ListCases ToQuery() => new(
            QueryEnums.Parse<CaseStatus>(Status, "status"), Unit, Category, Region, QueryEnums.Parse<Channel>(Channel, "channel"),
            Overdue, Q, From, To, Page ?? 1, PageSize ?? 20, QueryEnums.Parse<CaseSort>(Sort, "sort"));
    }
}
