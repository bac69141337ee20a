package io.cardflow.people;

import io.cardflow.audit.Actor;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Operator: users", description = "Operator key only. The people who log in to the back office (/admin) and "
        + "to merchants' portals (/portal): invitations and password resets, as one-time links (docs/portal.md).")
class AdminUserController {

    private static final String INVITATION_DESCRIPTION = "Creates the user, status invited, and answers a one-time link "
            + "(invitationUrl, valid 72 hours by default; only its hash is stored) where they choose their password: hand it "
            + "to them. A second user with the same e-mail is a 409 user_email_taken.";

    private final UserService users;

    AdminUserController(UserService users) {
        this.users = users;
    }

    @Schema(description = "A person to invite")
    record InviteUserRequest(
            @Schema(description = "Their e-mail: what they log in with (kept lower-case)", example = "ada@example.com")
            @NotBlank @Email @Size(max = 254) String email,
            @Schema(description = "Their name; must contain a letter", example = "Ada Lovelace")
            @NotBlank @Size(max = 200) @Pattern(regexp = ".*\\p{L}.*", message = "must contain a letter") String name,
            @Schema(description = "Operator users: admin, reviewer or viewer; merchant users: owner, developer or viewer",
                    example = "admin") @NotBlank String role) {
    }

    @Schema(description = "A user and the one-time link where they set their password")
    record InvitationResponse(
            @Schema(description = "The user") User user,
            @Schema(description = "Where they set their password: hand it to them; shown this once",
                    example = "https://cardflow.example.com/password/setup?token=Qm9Yb2dMb3ZlbGFjZUNhcmRmbG93VGVzdFRva2VuMTI")
            String invitationUrl,
            @Schema(description = "Until when the link works (UTC)", example = "2026-03-04T08:00:00.000Z") Instant expiresAt) {
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite an operator user", description = INVITATION_DESCRIPTION + " The first operator user is "
            + "created this way, with the operator key. role: admin, reviewer or viewer.")
    @ApiResponse(responseCode = "201", description = "Invited")
    InvitationResponse inviteOperator(@Valid @RequestBody InviteUserRequest request, HttpServletRequest http) {
        OperatorRole role = RoleNames.operatorRole(request.role());
        return response(users.inviteOperator(request.email(), request.name(), role, Actor.OPERATOR_KEY, http.getRemoteAddr()));
    }

    @GetMapping("/users")
    @Operation(summary = "List operator users, newest first", description = "Every operator user, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of users")
    Page<User> listOperators(@Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                             @RequestParam(required = false) String limit,
                             @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp")
                             @RequestParam(required = false) String startingAfter) {
        return users.listOperators(PageRequest.of(limit, startingAfter));
    }

    @PostMapping("/merchants/{merchantId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a merchant user", description = INVITATION_DESCRIPTION + " The user sees only this merchant. "
            + "role: owner, developer or viewer. Records merchant_user.invited.")
    @ApiResponse(responseCode = "201", description = "Invited")
    InvitationResponse inviteMerchantUser(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
                                          @PathVariable String merchantId,
                                          @Valid @RequestBody InviteUserRequest request, HttpServletRequest http) {
        MerchantRole role = RoleNames.merchantRole(request.role());
        return response(users.inviteMerchantUser(merchantId, request.email(), request.name(), role, Actor.OPERATOR_KEY,
                http.getRemoteAddr()));
    }

    @GetMapping("/merchants/{merchantId}/users")
    @Operation(summary = "List a merchant's users, newest first", description = "The merchant's users, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of users")
    Page<User> listMerchantUsers(@Parameter(description = "The merchant's id", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
                                 @PathVariable String merchantId,
                                 @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                 @RequestParam(required = false) String limit,
                                 @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp")
                                 @RequestParam(required = false) String startingAfter) {
        return users.listMerchantUsers(merchantId, PageRequest.of(limit, startingAfter));
    }

    @PostMapping("/users/{userId}/reset-password")
    @Operation(summary = "Send a user a new password link",
            description = "Answers a new one-time link (invitationUrl) where the user sets a new password; their earlier "
                    + "links stop working and their log-in sessions (portal, back office) end at once; their current "
                    + "password works until they set the new one, and setting it also lifts a lockout. For a user still "
                    + "invited it is a fresh invitation. Any user, operator or merchant.")
    @ApiResponse(responseCode = "200", description = "A new link")
    InvitationResponse resetPassword(@Parameter(description = "The user's id", example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp")
                                     @PathVariable String userId, HttpServletRequest http) {
        return response(users.requestPasswordReset(userId, Actor.OPERATOR_KEY, http.getRemoteAddr()));
    }

    /** The link's address is this server's as the request reached it (the forwarded one where forwarded headers are trusted). */
    private static InvitationResponse response(Invitation invitation) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/password/setup")
                .queryParam("token", invitation.token()).toUriString();
        return new InvitationResponse(invitation.user(), url, invitation.expiresAt());
    }
}
