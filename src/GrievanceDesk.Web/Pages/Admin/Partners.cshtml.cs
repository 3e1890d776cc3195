using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Partners;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>对接系统: register partner systems, rotate or revoke their keys, see and re-send their webhook deliveries.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class PartnersModel(ISender sender) : UiPageModel
{
    public sealed class PartnerForm
    {
        public string? Name { get; set; }
        public List<string> Scopes { get; set; } = [];
    }

    [BindProperty]
    public PartnerForm Input { get; set; } = new();

    /// <summary>The partner whose deliveries are shown (?deliveries=id).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Deliveries { get; set; }

    public IReadOnlyList<PartnerDto> Partners { get; private set; } = [];
    public IReadOnlyList<WebhookDeliveryDto> DeliveryList { get; private set; } = [];

    /// <summary>A key just issued: shown on this answer only.</summary>
    public PartnerKeyIssued? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        await Attempt<PartnerForm>("partner", "Input", async () =>
            Issued = await sender.Send(new RegisterPartner(Input.Name?.Trim() ?? string.Empty, Input.Scopes), ct));
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(int id, CancellationToken ct)
    {
        await Attempt<PartnerForm>($"partner-{id}", "Input", async () => Issued = await sender.Send(new RotatePartnerKey(id), ct));
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (await Attempt<PartnerForm>($"partner-{id}", "Input", async () => await sender.Send(new RevokePartner(id), ct)))
        {
            Flash = "已吊销，该系统的密钥即刻失效。";
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(int id, long deliveryId, CancellationToken ct)
    {
        Deliveries = id;
        if (await Attempt<PartnerForm>("deliveries", "Input", async () => await sender.Send(new ResendWebhookDelivery(id, deliveryId), ct)))
        {
            Flash = $"推送 {deliveryId} 已重新排队发送。";
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Partners = await sender.Send(new ListPartners(), ct);
        if (Deliveries is { } id && Partners.Any(p => p.Id == id))
        {
            DeliveryList = await sender.Send(new ListWebhookDeliveries(id), ct);
        }
    }
}
