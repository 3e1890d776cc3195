using System.Globalization;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

/// <summary>Formatting shared by the case's Chinese texts and its timeline's before/after values.</summary>
internal static class CaseText
{
    /// <summary>A UTC instant as CST wall-clock time for people: "2026-10-13 23:59".</summary>
    public static string Cst(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A value for the timeline's before/after: invariant, round-trippable, empty for null.</summary>
    public static string Value(object? value) => value switch
    {
        null => string.Empty,
        DateTime instant => ChinaTime.AsUtc(instant).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
