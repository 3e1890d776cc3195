using System.Linq.Expressions;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Web.Pages.Cases.Actions;

/// <summary>
/// One form of the case page. Its <see cref="Name"/> is at once the page handler it posts to
/// (<c>OnPost{Name}Async</c> on <see cref="DetailModel"/>), the prefix its inputs are named and bound under
/// (<c>Return.Reason</c>) and the key its refusals are kept by; each form is declared once, in <see cref="CaseForms"/>,
/// so the page, its partial and its handler cannot spell it differently.
/// </summary>
public abstract record CaseForm(string Name, CaseAction? Action)
{
    /// <summary>The partial view that draws the form: <c>Pages/Cases/Actions/_{Name}.cshtml</c>.</summary>
    public string Partial => $"Actions/_{Name}";
}

/// <summary>A <see cref="CaseForm"/> whose inputs bind to <typeparamref name="TInput"/>.</summary>
public sealed record CaseForm<TInput>(string Name, CaseAction? Action) : CaseForm(Name, Action)
    where TInput : VersionForm, new()
{
    /// <summary>The name of an input, as posted and as kept in ModelState: <c>Return.Reason</c>.</summary>
    public string Field<TValue>(Expression<Func<TInput, TValue>> property) => $"{Name}.{Property(property)}";

    /// <summary>The element id of an input (what its label points to): <c>Return_Reason</c>.</summary>
    public string Id<TValue>(Expression<Func<TInput, TValue>> property) => $"{Name}_{Property(property)}";

    private static string Property<TValue>(Expression<Func<TInput, TValue>> property) =>
        (property.Body is UnaryExpression { Operand: MemberExpression boxed } ? boxed : property.Body) is MemberExpression { Member.Name: var name }
            ? name
            : throw new ArgumentException($"{property} is not a property of {typeof(TInput).Name}.", nameof(property));
}

/// <summary>
/// Every form of the case page, with the input it binds and the <see cref="CaseAction"/> that offers it (none for the
/// reveal, which the role and the case's secrecy offer; see <see cref="DetailModel.OffersReveal"/>).
/// </summary>
public static class CaseForms
{
    public static readonly CaseForm<DispatchForm> Dispatch = new(nameof(Dispatch), CaseAction.Dispatch);
    public static readonly CaseForm<VersionForm> Accept = new(nameof(Accept), CaseAction.Accept);
    public static readonly CaseForm<ReasonForm> Return = new(nameof(Return), CaseAction.Return);
    public static readonly CaseForm<AssignForm> Assign = new(nameof(Assign), CaseAction.Assign);
    public static readonly CaseForm<ContactForm> Contact = new(nameof(Contact), CaseAction.RecordContact);
    public static readonly CaseForm<NoteForm> Progress = new(nameof(Progress), CaseAction.RecordProgress);
    public static readonly CaseForm<ExtensionForm> Extension = new(nameof(Extension), CaseAction.RequestExtension);
    public static readonly CaseForm<DecisionForm> DecideExtension = new(nameof(DecideExtension), CaseAction.DecideExtension);
    public static readonly CaseForm<ReasonForm> Pause = new(nameof(Pause), CaseAction.RequestPause);
    public static readonly CaseForm<DecisionForm> DecidePause = new(nameof(DecidePause), CaseAction.DecidePause);
    public static readonly CaseForm<VersionForm> Resume = new(nameof(Resume), CaseAction.Resume);
    public static readonly CaseForm<ResolveForm> Resolve = new(nameof(Resolve), CaseAction.Resolve);
    public static readonly CaseForm<ReasonForm> NotAccept = new(nameof(NotAccept), CaseAction.NotAccept);
    public static readonly CaseForm<AnswerForm> Answer = new(nameof(Answer), CaseAction.AnswerOnTheSpot);
    public static readonly CaseForm<FeedbackForm> Feedback = new(nameof(Feedback), CaseAction.RecordFeedback);
    public static readonly CaseForm<VersionForm> Close = new(nameof(Close), CaseAction.Close);
    public static readonly CaseForm<ReturnVisitForm> ReturnVisit = new(nameof(ReturnVisit), CaseAction.RecordReturnVisit);
    public static readonly CaseForm<NoteForm> Supervision = new(nameof(Supervision), CaseAction.IssueSupervision);
    public static readonly CaseForm<TargetForm> Merge = new(nameof(Merge), CaseAction.MergeInto);
    public static readonly CaseForm<TargetForm> Repeat = new(nameof(Repeat), CaseAction.MarkRepeatOf);
    public static readonly CaseForm<AttachForm> Attach = new(nameof(Attach), CaseAction.AddAttachment);
    public static readonly CaseForm<ReasonForm> Reveal = new(nameof(Reveal), Action: null);

    /// <summary>All of them, for the check that each has its handler and its partial.</summary>
    public static IReadOnlyList<CaseForm> All { get; } = typeof(CaseForms)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType.IsAssignableTo(typeof(CaseForm)))
        .Select(f => (CaseForm)f.GetValue(null)!)
        .ToList();
}
