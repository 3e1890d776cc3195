namespace GrievanceDesk.Domain.Cases;

/// <summary>信访人/诉求人. Phone and ID number are masked wherever shown (docs/product.md §7); the ID number is encrypted at rest.</summary>
public sealed class Complainant
{
    private Complainant()
    {
    }

    internal Complainant(string name, string? phone, string? idNumber, string? address)
    {
        Name = name;
        Phone = phone;
        IdNumber = idNumber;
        Address = address;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Phone { get; private set; }
    public string? IdNumber { get; private set; }
    public string? Address { get; private set; }
}
