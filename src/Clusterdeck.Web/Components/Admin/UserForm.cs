using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Web.Components.Admin;

/// <summary>
/// The fields of the admin page's user forms, as the browser posts them: one checkbox per role, projects as one line.
/// Bound by Blazor's form mapping, so every property is settable and a checkbox left unticked stays false.
/// </summary>
public sealed class UserForm
{
    public string? Username { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>Project names separated by commas or spaces.</summary>
    public string? Projects { get; set; }

    public bool Api { get; set; }
    public bool User { get; set; }
    public bool Manager { get; set; }
    public bool Support { get; set; }
    public bool Admin { get; set; }

    /// <summary>A new user's form: the plain <c>user</c> role ticked.</summary>
    public static UserForm ForNewUser() => new() { User = true };

    public static UserForm From(UserAccount account) => new()
    {
        Username = account.Username,
        Name = account.Name,
        Email = account.Email,
        Projects = string.Join(", ", account.Projects),
        Api = account.HasRole(Role.Api),
        User = account.HasRole(Role.User),
        Manager = account.HasRole(Role.Manager),
        Support = account.HasRole(Role.Support),
        Admin = account.HasRole(Role.Admin),
    };

    /// <summary>The ticked roles, in the order of privilege.</summary>
    public IReadOnlyList<Role> Roles()
    {
        var roles = new List<Role>();
        foreach (var (ticked, role) in (ReadOnlySpan<(bool, Role)>)[(Api, Role.Api), (User, Role.User), (Manager, Role.Manager), (Support, Role.Support), (Admin, Role.Admin)])
        {
            if (ticked)
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    /// <summary>The project names, split at commas and white space, without blanks.</summary>
    public IReadOnlyList<string> ProjectList() =>
        (Projects ?? "").Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public NewUser ToNewUser() => new()
    {
        Username = Username?.Trim() ?? "",
        Name = Name,
        Email = Email,
        Password = string.IsNullOrEmpty(Password) ? null : Password,
        Roles = Roles(),
        Projects = ProjectList(),
    };
}
