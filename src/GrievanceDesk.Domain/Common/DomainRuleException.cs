namespace GrievanceDesk.Domain.Common;

/// <summary>
/// A business rule of the domain refused an operation. <see cref="Rule"/> is a stable slug
/// (e.g. <c>feedback-required</c>) that the API turns into the problem <c>type</c> of a 409.
/// </summary>
public sealed class DomainRuleException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>A named business rule, in the style of "IsBroken + message".</summary>
public interface IBusinessRule
{
    /// <summary>Stable slug, used as the problem type of the 409.</summary>
    string Slug { get; }
    string Message { get; }
    bool IsBroken();
}

public static class Rules
{
    /// <summary>Throws <see cref="DomainRuleException"/> when the rule is broken.</summary>
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new DomainRuleException(rule.Slug, rule.Message);
        }
    }

    public static void Check(bool broken, string slug, string message)
    {
        if (broken)
        {
            throw new DomainRuleException(slug, message);
        }
    }
}
