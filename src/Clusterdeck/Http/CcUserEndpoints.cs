using System.Text.Json;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Errors;

namespace Clusterdeck.Http;

/// <summary>
/// cc-backend's user routes under <c>/api/</c> (<c>users/</c>, <c>user/{id}</c>, <c>jwt/</c>, <c>roles/</c>) with its
/// paths, form fields, status codes and bodies, so its admin scripts keep working.
/// </summary>
internal static class CcUserEndpoints
{
    private static readonly string[] UpdateFields = ["add-role", "remove-role", "add-project", "remove-project"];

    public static IEndpointRouteBuilder MapCcUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("cc-backend: users").AddEndpointFilter<CcApiAccessFilter>().DisableAntiforgery();
        api.MapGet("/users/", ListAsync).WithSummary("List users (admin); not-just-user=true leaves out plain users");
        api.MapPost("/users/", CreateAsync).WithSummary("Create a user from form fields username, password, role, name, email, project (admin)");
        api.MapMethods("/users/", [HttpMethods.Put], CreateAsync).ExcludeFromDescription();
        api.MapDelete("/users/", DeleteAsync).WithSummary("Delete the user named by form field username (admin)");
        api.MapPost("/user/{id}", UpdateAsync).WithSummary("Add or remove one role or project: JSON or form field add-role, remove-role, add-project or remove-project (admin)");
        api.MapGet("/jwt/", IssueTokenAsync).WithSummary("A token for username (admin: anyone; others: themselves)");
        api.MapGet("/roles/", Roles).WithSummary("The valid role names (admin)");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext context, UserService users, CancellationToken cancellationToken)
    {
        var specialOnly = context.Request.Query["not-just-user"] == "true";
        var list = await users.ListAsync(context.User.RequireCaller(), specialOnly, cancellationToken);
        return Results.Json(list.Select(u => new CcUser(u.Username, u.Name ?? "", [.. u.Roles.Select(r => r.ToName())], u.Email ?? "", u.Projects)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, UserService users, CancellationToken cancellationToken)
    {
        var caller = context.User.RequireCaller();
        if (!AccessRules.CanManageUsers(caller))
        {
            return CcApi.Error(StatusCodes.Status403Forbidden, "only admins are allowed to create new users");
        }

        var form = await ReadFieldsAsync(context.Request, cancellationToken);
        var (username, password, role, project) = (form.Get("username"), form.Get("password"), form.Get("role"), form.Get("project"));
        // cc-backend's own checks on this route, with its status codes, before the service's rules.
        if (username.Length is 0 or > UserService.MaxUsernameLength)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "username must be between 1 and 100 characters");
        }

        if (password.Length == 0 && role != "api")
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "only API users are allowed to have a blank password (login will be impossible)");
        }

        if (project.Length != 0 && role != "manager")
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "only managers require a project (can be changed later)");
        }

        if (project.Length == 0 && role == "manager")
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "managers require a project to manage (can be changed later)");
        }

        try
        {
            if (!RoleNames.TryParse(role, out var parsedRole))
            {
                throw new InvalidInputException($"'{role}' is not a valid role; valid roles are {string.Join(", ", RoleNames.All)}");
            }

            await users.CreateAsync(caller, new NewUser
            {
                Username = username,
                Password = password.Length == 0 ? null : password,
                Roles = [parsedRole],
                Name = form.Get("name"),
                Email = form.Get("email"),
                Projects = project.Length == 0 ? [] : [project],
            }, cancellationToken);
        }
        catch (DomainException e) when (e is not AccessDeniedException)
        {
            return CcApi.Error(StatusCodes.Status422UnprocessableEntity, $"adding user failed: {e.Message}");
        }

        return Results.Text($"User {username} successfully created!\n", "text/plain");
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, UserService users, CancellationToken cancellationToken)
    {
        var form = await ReadFieldsAsync(context.Request, cancellationToken);
        try
        {
            await users.DeleteAsync(context.User.RequireCaller(), form.Get("username"), cancellationToken);
        }
        catch (DomainException e) when (e is not AccessDeniedException)
        {
            return CcApi.Error(StatusCodes.Status422UnprocessableEntity, $"deleting user failed: {e.Message}");
        }

        return Results.Ok();
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, UserService users, string id, CancellationToken cancellationToken)
    {
        var caller = context.User.RequireCaller();
        if (!AccessRules.CanManageUsers(caller))
        {
            return CcApi.Error(StatusCodes.Status403Forbidden, "only admins are allowed to update a user");
        }

        Fields fields;
        try
        {
            fields = await ReadFieldsAsync(context.Request, cancellationToken, UpdateFields);
        }
        catch (InvalidInputException e)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, e.Message);
        }

        // One change per request, in cc-backend's order of precedence.
        (string Operation, string Message, Func<Task> Apply)? change =
            fields.Get("add-role") is { Length: > 0 } addRole ? ("adding role", "Add Role Success", () => users.AddRoleAsync(caller, id, addRole, cancellationToken))
            : fields.Get("remove-role") is { Length: > 0 } removeRole ? ("removing role", "Remove Role Success", () => users.RemoveRoleAsync(caller, id, removeRole, cancellationToken))
            : fields.Get("add-project") is { Length: > 0 } addProject ? ("adding project", "Add Project Success", () => users.AddProjectAsync(caller, id, addProject, cancellationToken))
            : fields.Get("remove-project") is { Length: > 0 } removeProject ? ("removing project", "Remove Project Success", () => users.RemoveProjectAsync(caller, id, removeProject, cancellationToken))
            : null;
        if (change is not { } selected)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "no operation specified: must provide add-role, remove-role, add-project, or remove-project");
        }

        try
        {
            await selected.Apply();
        }
        catch (DomainException e) when (e is not AccessDeniedException)
        {
            return CcApi.Error(StatusCodes.Status422UnprocessableEntity, $"{selected.Operation} failed: {e.Message}");
        }

        return CcApi.Message(selected.Message);
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context, AccessTokenService tokens, CancellationToken cancellationToken)
    {
        var username = (await ReadFieldsAsync(context.Request, cancellationToken)).Get("username");
        try
        {
            return Results.Text(await tokens.IssueAsync(context.User.RequireCaller(), username, null, cancellationToken), "text/plain");
        }
        catch (NotFoundException e)
        {
            return CcApi.Error(StatusCodes.Status404NotFound, e.Message);
        }
    }

    private static IResult Roles(HttpContext context) =>
        AccessRules.CanManageUsers(context.User.RequireCaller())
            ? Results.Json(RoleNames.All)
            : CcApi.Error(StatusCodes.Status403Forbidden, "only admins are allowed to fetch a list of roles");

    /// <summary>
    /// Fields from the query string, a form body or a JSON object body (cc-backend reads form values;
    /// its API description documents JSON — both are accepted). With <paramref name="allowedJsonFields"/>,
    /// any other key in a JSON body is refused, as cc-backend's strict decoder does.
    /// </summary>
    private static async Task<Fields> ReadFieldsAsync(HttpRequest request, CancellationToken cancellationToken, string[]? allowedJsonFields = null)
    {
        var fields = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(cancellationToken))
            {
                fields[key] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            Dictionary<string, string>? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new InvalidInputException($"request body is not a JSON object of strings: {e.Message}");
            }

            foreach (var (key, value) in body ?? [])
            {
                if (allowedJsonFields is not null && !allowedJsonFields.Contains(key))
                {
                    throw new InvalidInputException($"json: unknown field \"{key}\"");
                }

                fields[key] = value;
            }
        }

        return new Fields(fields);
    }

    private sealed record Fields(Dictionary<string, string> Values)
    {
        public string Get(string key) => Values.TryGetValue(key, out var value) ? value : string.Empty;
    }
}
