using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Web.Pages.Cases.Actions;

// What each form of the case page posts. Every form carries the version the page was read at, so that two people
// saving over each other get a plain conflict.

public class VersionForm
{
    public int? Version { get; set; }
}

public sealed class DispatchForm : VersionForm
{
    public string? UnitCode { get; set; }
    public string? CadreUserName { get; set; }
    public string? Note { get; set; }
}

public sealed class ReasonForm : VersionForm
{
    public string? Reason { get; set; }
}

public sealed class AssignForm : VersionForm
{
    public string? CadreUserName { get; set; }
}

public sealed class ContactForm : VersionForm
{
    public DateTime? At { get; set; }
    public ContactChannel Channel { get; set; } = ContactChannel.Phone;
    public bool Reached { get; set; } = true;
    public string? Note { get; set; }
}

public sealed class NoteForm : VersionForm
{
    public string? Note { get; set; }
}

public sealed class ExtensionForm : VersionForm
{
    public int? Days { get; set; }
    public string? Reason { get; set; }
}

public sealed class DecisionForm : VersionForm
{
    public long ItemId { get; set; }
    public bool Approve { get; set; }
    public string? Reason { get; set; }
}

public sealed class ResolveForm : VersionForm
{
    public Outcome Outcome { get; set; } = Outcome.Resolved;
    public string? Summary { get; set; }
}

public sealed class AnswerForm : VersionForm
{
    public string? Answer { get; set; }
    public ContactChannel Channel { get; set; } = ContactChannel.Phone;
}

public sealed class FeedbackForm : VersionForm
{
    public ContactChannel Channel { get; set; } = ContactChannel.Phone;
    public DateTime? At { get; set; }
    public bool Reached { get; set; } = true;
    public string? Content { get; set; }
    public string? ComplainantResponse { get; set; }
}

public sealed class ReturnVisitForm : VersionForm
{
    public Satisfaction Satisfaction { get; set; } = Satisfaction.Satisfied;
    public bool Solved { get; set; } = true;
    public string? Note { get; set; }
}

public sealed class TargetForm : VersionForm
{
    public string? TrackingNo { get; set; }
}

/// <summary>补充附件: the file is posted as <c>attachment</c> (not bound here); <see cref="File"/> names its errors.</summary>
public sealed class AttachForm : VersionForm
{
    public IFormFile? File { get; set; }
}
