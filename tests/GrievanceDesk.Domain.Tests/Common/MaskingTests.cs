using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.Tests.Common;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("01062345678", "010****5678")]
    [InlineData("62345678", "****5678")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    public void Phone_keeps_only_the_ends(string phone, string masked)
    {
        Masking.Phone(phone).ShouldBe(masked);
    }

    [Theory]
    [InlineData("110101199003071234", "110***********1234")]
    [InlineData("11010119900307123X", "110***********123X")]
    [InlineData("110101900307123", "110********7123")]
    [InlineData("1234567", "*******")]
    public void Id_number_keeps_the_first_three_and_the_last_four(string idNumber, string masked)
    {
        Masking.IdNumber(idNumber).ShouldBe(masked);
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("王", "王*")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("𠮷田", "𠮷*")]
    public void Name_keeps_the_surname(string name, string masked)
    {
        Masking.Name(name).ShouldBe(masked);
    }

    [Fact]
    public void Null_stays_null()
    {
        Masking.Phone(null).ShouldBeNull();
        Masking.IdNumber(null).ShouldBeNull();
        Masking.Name(null).ShouldBeNull();
    }

    [Fact]
    public void Masking_never_shows_the_middle_of_an_id_number()
    {
        Masking.IdNumber("110101199003071234").ShouldNotContain("19900307");
    }
}
