using System.Globalization;
using System.Text.RegularExpressions;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.ReferenceData;

/// <summary>
/// A year's arrangement pasted as text, one line per holiday block or make-up working day, as the notice lists them:
/// <code>
/// 2027-01-01 元旦
/// 2027-02-06~2027-02-14 春节
/// 2027-02-15 春节 上班
/// </code>
/// A range (~, ～ or 至) is every day of the block; a line ending in 上班 (or 调休上班) is a make-up working day, else 放假.
/// Blank lines and lines starting with # are ignored.
/// </summary>
public static partial class HolidayArrangementText
{
    public sealed record Result(IReadOnlyList<CalendarDay> Days, IReadOnlyList<string> Errors);

    public static Result Parse(string text, int year)
    {
        var days = new Dictionary<DateOnly, CalendarDay>();
        var errors = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var m = Line().Match(line);
            if (!m.Success || !TryDate(m.Groups["from"].Value, out var from) || !TryDate(m.Groups["to"].Success ? m.Groups["to"].Value : m.Groups["from"].Value, out var to) || to < from)
            {
                errors.Add($"第{i + 1}行无法识别：“{line}”，应为“2027-02-06~2027-02-14 春节”或“2027-02-15 春节 上班”。");
                continue;
            }

            if (from.Year != year || to.Year != year)
            {
                errors.Add($"第{i + 1}行的日期不在{year}年内：“{line}”。");
                continue;
            }

            var kind = m.Groups["work"].Success ? CalendarDayKind.MakeUpWorkday : CalendarDayKind.Holiday;
            var name = m.Groups["name"].Value.Trim();
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (days.TryGetValue(date, out var earlier) && earlier.Kind != kind)
                {
                    errors.Add($"第{i + 1}行：{date:yyyy-MM-dd}既是放假又是调休上班。");
                    continue;
                }

                days[date] = new CalendarDay(date, kind, kind == CalendarDayKind.MakeUpWorkday && !name.EndsWith("上班", StringComparison.Ordinal) ? name + "调休上班" : name);
            }
        }

        if (days.Count == 0 && errors.Count == 0)
        {
            errors.Add("没有可录入的日期。");
        }

        return new Result([.. days.Values.OrderBy(d => d.Date)], errors);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"^(?<from>\d{4}[-/]\d{1,2}[-/]\d{1,2})\s*(?:(?:~|～|至|--)\s*(?<to>\d{4}[-/]\d{1,2}[-/]\d{1,2}))?\s+(?<name>[^\s]{1,24}?)(?:\s*(?<work>调休上班|上班)|\s*放假)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
