using Bunit;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Clusterdeck.Web.Tests;

public sealed class UserFormTests : BunitContext
{
    [Fact]
    public void Roles_TickedBoxes_RolesInOrderOfPrivilege()
    {
        var form = new UserForm { Admin = true, Api = true, Manager = true };

        Assert.Equal([Role.Api, Role.Manager, Role.Admin], form.Roles());
    }

    [Fact]
    public void Roles_NothingTicked_NoRoles() => Assert.Empty(new UserForm().Roles());

    [Fact]
    public void ForNewUser_TicksPlainUserOnly() => Assert.Equal([Role.User], UserForm.ForNewUser().Roles());

    [Fact]
    public void From_Account_TicksItsRolesAndListsItsProjects()
    {
        var form = UserForm.From(new UserAccount { Username = "m", Roles = [Role.User, Role.Manager], Projects = ["p1", "p2"] });

        Assert.True(form.User && form.Manager);
        Assert.False(form.Api || form.Support || form.Admin);
        Assert.Equal("p1, p2", form.Projects);
        Assert.Equal([Role.User, Role.Manager], form.Roles());
    }

    [Theory]
    [InlineData("p1, p2", new[] { "p1", "p2" })]
    [InlineData(" p1   p2,,p3 ", new[] { "p1", "p2", "p3" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void ProjectList_CommasAndSpaces_Names(string? projects, string[] expected) =>
        Assert.Equal(expected, new UserForm { Projects = projects }.ProjectList());

    [Fact]
    public void ToNewUser_EmptyPassword_NoPassword()
    {
        var user = new UserForm { Username = " api-bot ", Api = true, Password = "" }.ToNewUser();

        Assert.Equal("api-bot", user.Username);
        Assert.Null(user.Password);
        Assert.Equal([Role.Api], user.Roles);
    }

    [Fact]
    public void RoleCheckboxes_PostNamesMatchThePagesFormProperty()
    {
        // The admin pages bind [SupplyParameterFromForm] properties named Form; the checkboxes must post Form.<Role>.
        var form = new UserForm { Support = true };
        var rendered = Render<EditForm>(p => p
            .Add(f => f.Model, form)
            .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => builder =>
            {
                builder.OpenComponent<RoleCheckboxes>(0);
                builder.AddComponentParameter(1, nameof(RoleCheckboxes.Form), form);
                builder.CloseComponent();
            })));

        var names = rendered.FindAll("input[type=checkbox]").Select(i => i.GetAttribute("name")).ToList();
        Assert.Equal(["Form.Api", "Form.User", "Form.Manager", "Form.Support", "Form.Admin"], names);
        Assert.True(rendered.Find("input[name='Form.Support']").HasAttribute("checked"));
        Assert.False(rendered.Find("input[name='Form.Admin']").HasAttribute("checked"));
    }
}
