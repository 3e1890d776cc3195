using System.Diagnostics;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Benchmarks;

/// <param name="Cases">How many cases, spread over <paramref name="Years"/> years up to <paramref name="NowUtc"/>.</param>
/// <param name="OpenCases">How many of them are open at <paramref name="NowUtc"/>, mostly recent ones, the old ones overdue.</param>
public sealed record SeedSettings(int Cases, int OpenCases, double Years, DateTime NowUtc, int RandomSeed = 20261116)
{
    /// <summary>Monday 2026-11-16 10:00 CST: the data set's "now". The last full ISO week is 2026-W46.</summary>
    public static readonly DateTime DefaultNowUtc = new(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
}

public sealed record SeedReport(int Cases, int Open, int Closed, int Merged, long Complainants, long ReturnVisits, long SupervisionOrders, long Feedback, long Pauses, TimeSpan Elapsed);

/// <summary>
/// Writes a realistic case load straight into SQLite through prepared, batched INSERTs in transactions: the schema
/// comes from the app's own migrations and reference data (<see cref="BenchmarkHost.CreateFreshAsync"/>); the cases
/// follow the office's shape (channels, the category and address skew that makes hot issues, the units the routing
/// rules pick, deadlines by track, most cases closed on time, a tail of old open cases long overdue, return visits,
/// supervision orders, pauses). Deterministic for a seed. Case timelines are not written (no statistic reads them).
/// </summary>
public sealed class CaseSeeder(SeedSettings settings)
{
    private const int BatchSize = 25_000;

    private static readonly (Channel Channel, double Weight)[] Channels =
        [(Channel.Call, 0.55), (Channel.Online, 0.25), (Channel.Visit, 0.10), (Channel.Letter, 0.05), (Channel.Transfer, 0.05)];

    private static readonly (CaseKind Kind, double Weight)[] Kinds =
        [(CaseKind.Claim, 0.70), (CaseKind.Consultation, 0.12), (CaseKind.Report, 0.08), (CaseKind.Suggestion, 0.10)];

    private static readonly (Outcome Outcome, double Weight)[] Outcomes =
        [(Outcome.Resolved, 0.60), (Outcome.Partially, 0.15), (Outcome.Explained, 0.22), (Outcome.NotAccepted, 0.03)];

    private static readonly (CaseStatus Status, double Weight)[] OpenStages =
    [
        (CaseStatus.Registered, 0.03), (CaseStatus.Dispatched, 0.10), (CaseStatus.Accepted, 0.18), (CaseStatus.InProgress, 0.40),
        (CaseStatus.Resolved, 0.14), (CaseStatus.FeedbackGiven, 0.10), (CaseStatus.Reopened, 0.05),
    ];

    private static readonly Dictionary<string, string[]> Subjects = new()
    {
        ["CSJS"] = ["小区电梯故障长期无人维修", "物业公司服务差乱收费", "小区停水停电无人处理", "楼顶漏水影响居住", "老旧小区改造施工扰民"],
        ["LDSB"] = ["工程项目拖欠农民工工资", "公司未缴纳社会保险", "离职后单位拒发工资", "就业补贴申领遇到困难"],
        ["ZDCQ"] = ["拆迁补偿标准过低", "征地安置房迟迟未交付"],
        ["HJBH"] = ["夜间施工噪音扰民", "餐饮油烟污染严重", "河道水体发黑发臭", "垃圾投放点异味扰民"],
        ["SCJG"] = ["超市销售过期食品", "网购商品质量问题商家拒退", "停车场收费价格不透明"],
        ["JY"] = ["子女入学学位分配问题", "校外培训机构退费难"],
        ["YLWS"] = ["医院收费不合理", "医保报销比例问题"],
        ["JTYS"] = ["公交线路调整出行不便", "小区周边乱停车", "道路破损坑洼未修复"],
        ["SFSS"] = ["法院判决执行难", "邻里纠纷调解不成"],
        ["GBZF"] = ["工作人员办事推诿", "基层干部作风问题"],
        ["CSGL"] = ["违法建设私搭乱建", "占道经营影响通行", "街道垃圾清运不及时"],
        ["MZSH"] = ["低保申请审核问题", "养老服务机构收费问题"],
    };

    private static readonly string[] VisitNotes = ["问题未解决，要求重新处理", "对处理结果不认可", "答复敷衍，未实地查看", "承诺的整改没有落实"];

    private readonly Random _random = new(settings.RandomSeed);
    private CaseTexts Texts => field ??= new CaseTexts(_random);
    private readonly Dictionary<(int, double), double[]> _zipf = [];

    public async Task<SeedReport> SeedAsync(BenchmarkHost host)
    {
        var clock = Stopwatch.StartNew();
        var reference = await ReferenceData.LoadAsync(host);
        var received = ReceivedTimes();
        var channels = received.Select(_ => Weighted(Channels)).ToArray();
        var open = ChooseOpen(received, channels);

        await using var connection = new SqliteConnection(BenchmarkHost.ConnectionString(host.DatabasePath));
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");

        using var cases = new BulkCommand(connection, "Cases", CaseRow.Columns);
        using var complainants = new BulkCommand(connection, "CaseComplainants", "CaseId", "Name", "Phone", "Address");
        using var visits = new BulkCommand(connection, "CaseReturnVisits", "CaseId", "Satisfaction", "Solved", "Note", "AtUtc", "ByUserName", "Round");
        using var orders = new BulkCommand(connection, "CaseSupervisionOrders", "CaseId", "Source", "UnitId", "Note", "IssuedBy", "IssuedAtUtc");
        using var feedback = new BulkCommand(connection, "CaseFeedback", "CaseId", "Channel", "AtUtc", "Reached", "Content", "ByUserName", "Round");
        using var pauses = new BulkCommand(connection, "CasePauses", "CaseId", "Reason", "RequestedBy", "RequestedAtUtc", "Status", "DecidedBy", "DecidedAtUtc", "StartedAtUtc", "EndedAtUtc", "EndedBy");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var table in new[] { cases, complainants, visits, orders, feedback, pauses })
            {
                SchemaCheck.RequireColumns(db, table.Table, table.Columns.ToList());
            }
        }

        var perDay = new Dictionary<DateOnly, int>();
        var (openCount, closedCount, mergedCount) = (0, 0, 0);
        SqliteTransaction? transaction = null;
        for (var i = 0; i < received.Length; i++)
        {
            if (i % BatchSize == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                foreach (var command in new[] { cases, complainants, visits, orders, feedback, pauses })
                {
                    command.Enlist(transaction);
                }
            }

            var id = i + 1L;
            var day = ChinaTime.DateOf(received[i]);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            var row = NewCase(id, received[i], channels[i], $"GD{day:yyyyMMdd}-{perDay[day]:0000}", reference);
            Live(row, open[i], reference);

            cases.Insert(row.Values());
            if (!row.IsAnonymous)
            {
                complainants.Insert(id, Texts.Name(), $"1{_random.Next(3, 10)}{_random.NextInt64(100_000_000, 1_000_000_000)}", row.Address);
            }

            foreach (var v in row.Visits)
            {
                visits.Insert(id, v.Satisfaction, v.Solved, v.Note, v.AtUtc, "desk", v.Round);
            }

            foreach (var o in row.Orders)
            {
                orders.Insert(id, o.Source, row.UnitId, o.Note, o.Source is SupervisionSource.Leader ? "leader" : "system", o.AtUtc);
            }

            if (row.FeedbackAtUtc is { } feedbackAt)
            {
                feedback.Insert(id, ContactChannel.Phone, feedbackAt, true, "已电话告知办理结果", "cadre1", row.HandleRound);
            }

            if (row.Pause is { } pause)
            {
                pauses.Insert(id, "等待司法鉴定结果", "cadre1", pause.StartedAtUtc, pause.EndedAtUtc is null ? PauseStatus.Active : PauseStatus.Ended,
                    "unitleader1", pause.StartedAtUtc, pause.StartedAtUtc, pause.EndedAtUtc, pause.EndedAtUtc is null ? null : "cadre1");
            }

            switch (row.Status)
            {
                case CaseStatus.Merged: mergedCount++; break;
                case CaseStatus.Closed: closedCount++; break;
                default: openCount++; break;
            }

            if ((i + 1) % 200_000 == 0)
            {
                Console.WriteLine($"  … {i + 1:N0} cases ({clock.Elapsed.TotalSeconds:0}s)");
            }
        }

        transaction?.Commit();
        transaction?.Dispose();
        // The counters the app keeps on every save, counted once for the rows written here around it.
        Execute(connection, "DELETE FROM \"CadreOpenLoads\"; " + GrievanceDesk.Infrastructure.Persistence.CadreOpenLoadBackfill.Sql);
        // The search terms are written with each case above: the app's backfill for older databases has nothing to do.
        Execute(connection, $"INSERT OR IGNORE INTO \"AppliedSeeds\" (\"Key\", \"AppliedAtUtc\") VALUES ('{GrievanceDesk.Infrastructure.Search.SearchTermsBackfill.MarkerKey}', '{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}')");
        Execute(connection, "PRAGMA journal_mode=WAL;");
        return new SeedReport(received.Length, openCount, closedCount, mergedCount, complainants.Rows, visits.Rows, orders.Rows, feedback.Rows, pauses.Rows, clock.Elapsed);
    }

    /// <summary>When each case was received, oldest first: fewer at night and at weekends.</summary>
    private DateTime[] ReceivedTimes()
    {
        var span = TimeSpan.FromDays(365.25 * settings.Years);
        var start = settings.NowUtc - span;
        var times = new DateTime[settings.Cases];
        for (var i = 0; i < times.Length;)
        {
            var t = start + span * _random.NextDouble();
            var local = ChinaTime.ToLocal(t);
            var weight = local.Hour switch
            {
                < 7 => 0.12,
                < 12 => 1.0,
                < 14 => 0.7,
                < 18 => 1.0,
                < 22 => 0.55,
                _ => 0.25,
            } * (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.55 : 1.0);
            if (_random.NextDouble() < weight)
            {
                times[i++] = t;
            }
        }

        Array.Sort(times);
        return times;
    }

    /// <summary>Exactly <see cref="SeedSettings.OpenCases"/> open cases, weighted to the recent (weighted sampling without replacement).</summary>
    private bool[] ChooseOpen(DateTime[] received, Channel[] channels)
    {
        var keys = new double[received.Length];
        var index = new int[received.Length];
        for (var i = 0; i < received.Length; i++)
        {
            var ageDays = (settings.NowUtc - received[i]).TotalDays;
            // Petitions (visits, letters, transfers: 60-day handle clock) stay open longer than hotline cases (7 days).
            var petition = SlaTrackDefaults.For(channels[i]) == SlaTrack.Petition;
            var weight = (Math.Exp(-ageDays / 15) + 0.003) * (petition ? 3 : 1);
            keys[i] = -Math.Log(1 - _random.NextDouble()) / weight;
            index[i] = i;
        }

        Array.Sort(keys, index);
        var open = new bool[received.Length];
        foreach (var i in index.Take(Math.Min(settings.OpenCases, received.Length)))
        {
            open[i] = true;
        }

        return open;
    }

    private CaseRow NewCase(long id, DateTime receivedAt, Channel channel, string trackingNo, ReferenceData reference)
    {
        var hotline = SlaTrackDefaults.For(channel) == SlaTrack.Hotline;
        var collective = _random.NextDouble() < 0.005;
        var anonymous = !collective && _random.NextDouble() < 0.04;
        var urgent = collective || _random.NextDouble() < 0.05;
        var top = reference.TopCategories[Zipf(reference.TopCategories.Count, 0.9)];
        var leafIndex = Zipf(top.Leaves.Count, 1.2);
        var leaf = top.Leaves[leafIndex];
        var region = reference.Regions[Zipf(reference.Regions.Count, 0.7)];
        var subjects = Subjects.GetValueOrDefault(top.Code) ?? ["其他诉求"];
        // Each sub-category has its own subject, mostly.
        var subject = subjects[(leafIndex + (_random.NextDouble() < 0.9 ? 0 : Zipf(subjects.Length, 1.0))) % subjects.Length];
        var addressIndex = (int)(9_000 * Math.Pow(_random.NextDouble(), 3));
        var address = Texts.Address(addressIndex);
        return new CaseRow
        {
            Id = id,
            TrackingNo = trackingNo,
            QueryCode = new string(Enumerable.Range(0, 6).Select(_ => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[_random.Next(31)]).ToArray()),
            Channel = channel,
            Kind = Weighted(Kinds),
            Urgency = urgent ? Urgency.Urgent : Urgency.Normal,
            ReceivedAtUtc = receivedAt,
            RegisteredAtUtc = receivedAt + TimeSpan.FromMinutes(channel == Channel.Letter ? _random.Next(60, 4000) : _random.Next(1, 15)),
            IsAnonymous = anonymous,
            HeadCount = collective ? _random.Next(5, 41) : channel == Channel.Visit ? _random.Next(1, 4) : 1,
            IsCollective = collective,
            CategoryId = leaf,
            RegionId = region,
            Address = address,
            Subject = subject,
            Content = Texts.Content(subject, address),
            SlaPolicyId = hotline ? (urgent ? reference.HotlineUrgentPolicy : reference.HotlinePolicy) : reference.PetitionPolicy,
            UnitId = reference.UnitFor(leaf, region),
            Hotline = hotline,
            Status = CaseStatus.Registered,
            HandleRound = 1,
            IsRepeat = _random.NextDouble() < 0.04 && id > 1000,
        };
    }

    /// <summary>The case's life up to "now": closed (most), merged (a few) or stalled at a stage (the open ones).</summary>
    private void Live(CaseRow c, bool open, ReferenceData reference)
    {
        var now = settings.NowUtc;
        if (c.RegisteredAtUtc > now)
        {
            c.RegisteredAtUtc = now;
        }

        c.AcceptDeadlineUtc = c.Hotline ? c.ReceivedAtUtc.AddHours(c.Urgency == Urgency.Urgent ? 1 : 24) : EndOfDay(c.ReceivedAtUtc, 15);
        if (c.IsRepeat)
        {
            c.RepeatOfCaseId = Math.Max(1, c.Id - _random.Next(200, 20_000));
        }

        if (!open && _random.NextDouble() < 0.03)
        {
            c.Status = CaseStatus.Merged;
            c.UnitId = null;
            c.MergedIntoCaseId = Math.Max(1, c.Id - _random.Next(1, 500));
            c.DueAtUtc = null;
            return;
        }

        // The whole first round as it would go, then cut at "now" (open) or squeezed before it (closed).
        var dispatched = c.RegisteredAtUtc + (c.Hotline ? TimeSpan.FromMinutes(_random.Next(2, c.Urgency == Urgency.Urgent ? 30 : 120)) : TimeSpan.FromHours(_random.Next(2, 120)));
        var accepted = OnTimeOrLate(dispatched, c.AcceptDeadlineUtc, 0.93);
        DateTime? contactDeadline = c.Hotline ? dispatched.AddHours(c.Urgency == Urgency.Urgent ? 2 : 24) : null;
        DateTime? firstContact = contactDeadline is { } cd ? OnTimeOrLate(accepted, cd, 0.93) : null;
        var handleDeadline = EndOfDay(accepted, c.Hotline ? 7 : 60);
        var resolved = OnTimeOrLate(firstContact ?? accepted, handleDeadline, 0.91);
        var feedbackAt = resolved + TimeSpan.FromHours(1 + 29 * _random.NextDouble());
        var closed = feedbackAt + TimeSpan.FromMinutes(_random.Next(5, 1200));

        if (!open && closed >= now)
        {
            var squeeze = (now.AddMinutes(-1) - c.ReceivedAtUtc) / (closed - c.ReceivedAtUtc);
            DateTime Squeeze(DateTime t) => c.ReceivedAtUtc + (t - c.ReceivedAtUtc) * squeeze;
            (dispatched, accepted, resolved, feedbackAt, closed) = (Squeeze(dispatched), Squeeze(accepted), Squeeze(resolved), Squeeze(feedbackAt), Squeeze(closed));
            firstContact = firstContact is { } fc ? Squeeze(fc) : null;
            c.RegisteredAtUtc = c.RegisteredAtUtc < dispatched ? c.RegisteredAtUtc : c.ReceivedAtUtc;
        }

        var stage = open ? OpenStage(c, dispatched, accepted, resolved, feedbackAt, closed) : CaseStatus.Closed;
        if (c.UnitId is null && stage != CaseStatus.Registered)
        {
            c.UnitId = reference.FallbackUnit(c.RegionId);
        }

        if (stage == CaseStatus.Registered)
        {
            c.UnitId = null;
            c.Status = CaseStatus.Registered;
            c.DueAtUtc = c.AcceptDeadlineUtc;
            Escalate(c, c.AcceptDeadlineUtc, now);
            return;
        }

        c.DispatchedAtUtc = dispatched;
        c.ContactDeadlineUtc = contactDeadline;
        if (stage == CaseStatus.Dispatched)
        {
            c.Status = CaseStatus.Dispatched;
            c.DueAtUtc = c.AcceptDeadlineUtc;
            Escalate(c, c.AcceptDeadlineUtc, now);
            return;
        }

        c.AcceptedAtUtc = accepted;
        c.HandleDeadlineUtc = handleDeadline;
        c.CadreUserName = "cadre1";
        if (stage is CaseStatus.Accepted)
        {
            c.Status = CaseStatus.Accepted;
            c.DueAtUtc = handleDeadline;
            Escalate(c, handleDeadline, now);
            return;
        }

        c.FirstContactAtUtc = firstContact is { } contact && contact <= now ? contact : null;
        if (stage is CaseStatus.InProgress)
        {
            c.Status = CaseStatus.InProgress;
            c.DueAtUtc = handleDeadline;
            if (_random.NextDouble() < 0.04)
            {
                var started = accepted + (now - accepted) * _random.NextDouble();
                c.Pause = (started, null);
                c.IsPaused = true;
            }
            else
            {
                Escalate(c, handleDeadline, now);
            }

            return;
        }

        Resolve(c, resolved);
        if (stage is CaseStatus.Resolved)
        {
            c.Status = CaseStatus.Resolved;
            c.DueAtUtc = c.FeedbackDeadlineUtc;
            return;
        }

        c.FeedbackAtUtc = c.IsAnonymous ? null : feedbackAt;
        if (stage is CaseStatus.FeedbackGiven)
        {
            c.Status = CaseStatus.FeedbackGiven;
            c.DueAtUtc = null;
            return;
        }

        if (resolved > handleDeadline.AddDays(3))
        {
            Escalate(c, handleDeadline, resolved);
        }

        // Closed, or closed and then reopened by a dissatisfied return visit.
        c.ClosedAtUtc = closed;
        c.CloseReason = c.IsAnonymous ? CloseReason.Anonymous : CloseReason.Feedback;
        c.Status = CaseStatus.Closed;
        c.DueAtUtc = null;
        if (c.IsAnonymous || (stage != CaseStatus.Reopened && _random.NextDouble() > 0.65))
        {
            return;
        }

        var visitAt = closed + TimeSpan.FromHours(2 + 70 * _random.NextDouble());
        var reopen = stage == CaseStatus.Reopened || (_random.NextDouble() < 0.08 && visitAt < now);
        if (visitAt >= now && stage != CaseStatus.Reopened)
        {
            return;
        }

        if (stage == CaseStatus.Reopened && visitAt >= now)
        {
            visitAt = closed + (now - closed) * 0.5;
        }

        if (!reopen)
        {
            c.Visits.Add(Visit(visitAt, satisfied: true, round: 1));
            return;
        }

        // 重办: round 2, with a new handle clock from the dissatisfied visit.
        c.Visits.Add(Visit(visitAt, satisfied: false, round: 1));
        c.ReopenCount = 1;
        c.HandleRound = 2;
        c.ClosedAtUtc = null;
        c.CloseReason = null;
        c.HandleDeadlineUtc = EndOfDay(visitAt, c.Hotline ? 7 : 60);
        var resolved2 = OnTimeOrLate(visitAt, c.HandleDeadlineUtc.Value, 0.85);
        var feedback2 = resolved2 + TimeSpan.FromHours(1 + 20 * _random.NextDouble());
        var closed2 = feedback2 + TimeSpan.FromMinutes(_random.Next(5, 600));
        if (stage == CaseStatus.Reopened || closed2 >= now)
        {
            c.Outcome = null;
            c.ResolutionSummary = null;
            c.ResolvedAtUtc = null;
            c.ResolvedBy = null;
            c.FeedbackDeadlineUtc = null;
            c.FeedbackAtUtc = null;
            c.Status = CaseStatus.Reopened;
            c.DueAtUtc = c.HandleDeadlineUtc;
            Escalate(c, c.HandleDeadlineUtc.Value, now);
            return;
        }

        Resolve(c, resolved2);
        c.FeedbackAtUtc = feedback2;
        c.ClosedAtUtc = closed2;
        c.CloseReason = CloseReason.Feedback;
        c.Status = CaseStatus.Closed;
        var visit2 = closed2 + TimeSpan.FromHours(2 + 48 * _random.NextDouble());
        if (visit2 < now && _random.NextDouble() < 0.6)
        {
            c.Visits.Add(Visit(visit2, satisfied: true, round: 2));
        }
    }

    private CaseStatus OpenStage(CaseRow c, DateTime dispatched, DateTime accepted, DateTime resolved, DateTime feedbackAt, DateTime closed)
    {
        var now = settings.NowUtc;
        var reachable = OpenStages.Where(s => s.Status switch
        {
            CaseStatus.Registered => true,
            CaseStatus.Dispatched => dispatched < now,
            CaseStatus.Accepted or CaseStatus.InProgress => accepted < now,
            CaseStatus.Resolved => resolved < now,
            CaseStatus.FeedbackGiven => feedbackAt < now && !c.IsAnonymous,
            _ => closed < now.AddDays(-1) && !c.IsAnonymous,
        }).ToArray();
        return Weighted(reachable);
    }

    private void Resolve(CaseRow c, DateTime resolved)
    {
        c.Outcome = Weighted(Outcomes);
        c.ResolutionSummary = "已核实处理并答复诉求人";
        c.ResolvedAtUtc = resolved;
        c.ResolvedBy = "cadre1";
        c.FeedbackDeadlineUtc = EndOfDay(resolved, c.Hotline ? 1 : 7);
    }

    /// <summary>The ladder: a supervision order 3 days past a deadline, a leader's at 10 (calendar days here).</summary>
    private void Escalate(CaseRow c, DateTime deadline, DateTime until)
    {
        if (until > deadline.AddDays(3))
        {
            c.Orders.Add((SupervisionSource.Escalation, deadline.AddDays(3), "超期未办，发督办单"));
        }

        if (until > deadline.AddDays(10))
        {
            c.Orders.Add((SupervisionSource.LeaderEscalation, deadline.AddDays(10), "长期超期，转领导督办"));
        }
    }

    private (Satisfaction, bool, string?, DateTime, int) Visit(DateTime at, bool satisfied, int round)
    {
        if (!satisfied)
        {
            return (Satisfaction.Dissatisfied, _random.NextDouble() < 0.1, Pick(VisitNotes), at, round);
        }

        var satisfaction = _random.NextDouble() < 0.78 ? Satisfaction.Satisfied : Satisfaction.Basically;
        var solved = _random.NextDouble() < (satisfaction == Satisfaction.Satisfied ? 0.92 : 0.6);
        return (satisfaction, solved, null, at, round);
    }

    /// <summary>Before the deadline with probability <paramref name="onTime"/>, else after it.</summary>
    private DateTime OnTimeOrLate(DateTime from, DateTime deadline, double onTime)
    {
        if (deadline > from.AddMinutes(5) && _random.NextDouble() < onTime)
        {
            return from + (deadline - from) * (0.05 + 0.9 * _random.NextDouble());
        }

        var late = (deadline > from ? deadline : from) + TimeSpan.FromHours(1 + 24 * 6 * Math.Pow(_random.NextDouble(), 2));
        return late;
    }

    private static DateTime EndOfDay(DateTime utc, int days) => ChinaTime.EndOfDayUtc(ChinaTime.DateOf(utc).AddDays(days));

    private T Weighted<T>((T Value, double Weight)[] options)
    {
        var total = options.Sum(o => o.Weight);
        var x = _random.NextDouble() * total;
        foreach (var (value, weight) in options)
        {
            x -= weight;
            if (x < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    /// <summary>An index 0..n-1, the first ones most likely (Zipf with exponent <paramref name="s"/>).</summary>
    private int Zipf(int n, double s)
    {
        if (!_zipf.TryGetValue((n, s), out var cumulative))
        {
            cumulative = new double[n];
            for (var k = 1; k <= n; k++)
            {
                cumulative[k - 1] = (k > 1 ? cumulative[k - 2] : 0) + 1 / Math.Pow(k, s);
            }

            _zipf[(n, s)] = cumulative;
        }

        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(n - 1, index >= 0 ? index + 1 : ~index);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The reference data the cases point at, read once through the app's DbContext.</summary>
    private sealed class ReferenceData
    {
        public required IReadOnlyList<(string Code, IReadOnlyList<int> Leaves)> TopCategories { get; init; }
        public required IReadOnlyList<int> Regions { get; init; }
        public required Dictionary<(int Category, int Region), int?> Routes { get; init; }
        public required Dictionary<int, int> StreetUnitByRegion { get; init; }
        public required IReadOnlyList<int> Departments { get; init; }
        public required int PetitionPolicy { get; init; }
        public required int HotlinePolicy { get; init; }
        public required int HotlineUrgentPolicy { get; init; }

        public int? UnitFor(int category, int region) => Routes.GetValueOrDefault((category, region));

        public int FallbackUnit(int region) => StreetUnitByRegion.TryGetValue(region, out var street) ? street : Departments[region % Departments.Count];

        public static async Task<ReferenceData> LoadAsync(BenchmarkHost host)
        {
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var categories = await db.Categories.AsNoTracking().ToListAsync();
            var regions = await db.Regions.AsNoTracking().ToListAsync();
            var units = await db.Units.AsNoTracking().ToListAsync();
            var rules = await db.RoutingRules.AsNoTracking().ToListAsync();
            var policies = await db.SlaPolicies.AsNoTracking().ToListAsync();

            var tops = categories.Where(c => c.ParentId is null).OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(t => (t.Code, (IReadOnlyList<int>)categories.Where(c => c.ParentId == t.Id).OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Id).ToList()))
                .Where(t => t.Item2.Count > 0)
                .ToList();
            var leafRegions = regions.Where(r => regions.All(x => x.ParentId != r.Id)).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Id).ToList();
            var parentOf = regions.ToDictionary(r => r.Id, r => r.ParentId);
            var categoryParent = categories.ToDictionary(c => c.Id, c => c.ParentId);

            // Most specific rule first: category+region > category > region, a leaf's own before its parent's.
            var routes = new Dictionary<(int, int), int?>();
            foreach (var leaf in tops.SelectMany(t => t.Item2))
            {
                foreach (var region in leafRegions)
                {
                    int?[] cats = [leaf, categoryParent[leaf]];
                    int?[] regs = [region, parentOf[region]];
                    var rule = cats.SelectMany(cat => regs.Select(reg => (cat, reg)))
                        .Select(k => rules.FirstOrDefault(r => r.CategoryId == k.cat && r.RegionId == k.reg))
                        .FirstOrDefault(r => r is not null)
                        ?? cats.Select(cat => rules.FirstOrDefault(r => r.CategoryId == cat && r.RegionId == null)).FirstOrDefault(r => r is not null)
                        ?? regs.Select(reg => rules.FirstOrDefault(r => r.CategoryId == null && r.RegionId == reg)).FirstOrDefault(r => r is not null);
                    routes[(leaf, region)] = rule?.UnitId;
                }
            }

            var streetUnits = new Dictionary<int, int>();
            foreach (var region in leafRegions)
            {
                var street = regions.Single(r => r.Id == parentOf[region]);
                if (units.FirstOrDefault(u => u.Code == street.Code) is { } unit)
                {
                    streetUnits[region] = unit.Id;
                }
            }

            return new ReferenceData
            {
                TopCategories = tops,
                Regions = leafRegions,
                Routes = routes,
                StreetUnitByRegion = streetUnits,
                Departments = units.Where(u => u.ParentId is not null && u.Code.Count(ch => ch == '-') == 1).Select(u => u.Id).ToList(),
                PetitionPolicy = policies.First(p => p.Track == SlaTrack.Petition && p.CategoryId is null).Id,
                HotlinePolicy = policies.First(p => p.Track == SlaTrack.Hotline && p.CategoryId is null && p.Urgency is null).Id,
                HotlineUrgentPolicy = policies.First(p => p.Track == SlaTrack.Hotline && p.Urgency == Urgency.Urgent).Id,
            };
        }
    }

    /// <summary>One row of the Cases table and the children the seeder writes with it.</summary>
    private sealed class CaseRow
    {
        public static readonly string[] Columns =
        [
            "Id", "Version", "TrackingNo", "QueryCode", "Channel", "Kind", "Urgency", "ReceivedAtUtc", "RegisteredAtUtc", "IsAnonymous",
            "HeadCount", "IsCollective", "CategoryId", "RegionId", "Address", "Subject", "Content", "SlaPolicyId", "UnitId",
            "CadreUserName", "DispatchedAtUtc", "AcceptedAtUtc", "FirstContactAtUtc", "AcceptDeadlineUtc", "ContactDeadlineUtc",
            "HandleDeadlineUtc", "FeedbackDeadlineUtc", "HandleRound", "Outcome", "ResolutionSummary", "ResolvedAtUtc", "ResolvedBy",
            "ClosedAtUtc", "CloseReason", "ReopenCount", "IsRepeat", "RepeatOfCaseId", "MergedIntoCaseId", "IsPaused", "Status",
            "TimelineCount", "DueAtUtc", "SearchTerms",
        ];

        public long Id;
        public string TrackingNo = "";
        public string QueryCode = "";
        public Channel Channel;
        public CaseKind Kind;
        public Urgency Urgency;
        public DateTime ReceivedAtUtc;
        public DateTime RegisteredAtUtc;
        public bool IsAnonymous;
        public int HeadCount;
        public bool IsCollective;
        public int CategoryId;
        public int RegionId;
        public string Address = "";
        public string Subject = "";
        public string Content = "";
        public int SlaPolicyId;
        public int? UnitId;
        public string? CadreUserName;
        public DateTime? DispatchedAtUtc;
        public DateTime? AcceptedAtUtc;
        public DateTime? FirstContactAtUtc;
        public DateTime AcceptDeadlineUtc;
        public DateTime? ContactDeadlineUtc;
        public DateTime? HandleDeadlineUtc;
        public DateTime? FeedbackDeadlineUtc;
        public int HandleRound;
        public Outcome? Outcome;
        public string? ResolutionSummary;
        public DateTime? ResolvedAtUtc;
        public string? ResolvedBy;
        public DateTime? ClosedAtUtc;
        public CloseReason? CloseReason;
        public int ReopenCount;
        public bool IsRepeat;
        public long? RepeatOfCaseId;
        public long? MergedIntoCaseId;
        public bool IsPaused;
        public CaseStatus Status;
        public DateTime? DueAtUtc;

        public bool Hotline;
        public DateTime? FeedbackAtUtc;
        public (DateTime StartedAtUtc, DateTime? EndedAtUtc)? Pause;
        public readonly List<(Satisfaction Satisfaction, bool Solved, string? Note, DateTime AtUtc, int Round)> Visits = [];
        public readonly List<(SupervisionSource Source, DateTime AtUtc, string Note)> Orders = [];

        public object?[] Values() =>
        [
            Id, 1, TrackingNo, QueryCode, Channel, Kind, Urgency, ReceivedAtUtc, RegisteredAtUtc, IsAnonymous,
            HeadCount, IsCollective, CategoryId, RegionId, Address, Subject, Content, SlaPolicyId, UnitId,
            CadreUserName, DispatchedAtUtc, AcceptedAtUtc, FirstContactAtUtc, AcceptDeadlineUtc, ContactDeadlineUtc,
            HandleDeadlineUtc, FeedbackDeadlineUtc, HandleRound, Outcome, ResolutionSummary, ResolvedAtUtc, ResolvedBy,
            ClosedAtUtc, CloseReason, ReopenCount, IsRepeat, RepeatOfCaseId, MergedIntoCaseId, IsPaused, Status,
            0, DueAtUtc, GrievanceDesk.Application.Cases.Search.SearchTerms.Of(Subject, Content, Address),
        ];
    }
}
