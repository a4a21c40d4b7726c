// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title A Regulation S security token with ERC-1404 transfer restrictions.
/// @notice Every holder must be on the whitelist that kyc-whitelist publishes: the service's
/// operator key sets each address's status (and the end of its whitelisting); a transfer from or
/// to an address that is not ACTIVE cannot complete, and reverts with the same message the
/// service's exchange API gives for the same restriction code.
/// @dev The restriction codes and their messages are the table of kyc-whitelist's
/// io.kycwhitelist.exchange.RestrictionCode (GET /api/v1/transfer-restrictions/codes): codes are
/// appended, never renumbered, and a test compares the two tables. The status numbers are those of
/// io.kycwhitelist.chain.TokenContract.statusNumber.
contract KycWhitelistToken {
    // --- whitelist statuses (0 is an address never listed)
    uint8 public constant NOT_LISTED = 0;
    uint8 public constant ACTIVE = 1;
    uint8 public constant REVOKED = 2;
    uint8 public constant EXPIRED = 3;
    uint8 public constant SANCTIONED = 4;
    uint8 public constant SUSPENDED = 5;

    // --- ERC-1404 restriction codes (kyc-whitelist's table)
    uint8 public constant SUCCESS = 0;
    uint8 public constant SENDER_NOT_WHITELISTED = 1;
    uint8 public constant RECIPIENT_NOT_WHITELISTED = 2;
    uint8 public constant SENDER_REVOKED = 3;
    uint8 public constant RECIPIENT_REVOKED = 4;
    uint8 public constant SENDER_EXPIRED = 5;
    uint8 public constant RECIPIENT_EXPIRED = 6;
    uint8 public constant SENDER_SANCTIONED = 7;
    uint8 public constant RECIPIENT_SANCTIONED = 8;
    uint8 public constant SENDER_SUSPENDED = 9;
    uint8 public constant RECIPIENT_SUSPENDED = 10;

    struct Entry {
        uint8 status;
        /// seconds since the epoch after which an ACTIVE entry counts as EXPIRED; 0: no end
        uint64 expiresAt;
    }

    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;

    /// the issuer: mints, and names the whitelist operator
    address public owner;
    /// kyc-whitelist's operator key: the only one that changes the whitelist
    address public whitelistOperator;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => Entry) private entries;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed holder, address indexed spender, uint256 value);
    event WhitelistStatusChanged(address indexed account, uint8 status, uint64 expiresAt);
    event WhitelistOperatorChanged(address indexed operator);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    error NotOwner();
    error NotWhitelistOperator();
    error UnknownStatus(uint8 status);
    error ZeroAddress();
    error InsufficientBalance();
    error InsufficientAllowance();

    constructor(string memory name_, string memory symbol_, address operator) {
        if (operator == address(0)) revert ZeroAddress();
        name = name_;
        symbol = symbol_;
        owner = msg.sender;
        whitelistOperator = operator;
        emit WhitelistOperatorChanged(operator);
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    // --- the whitelist

    /// @notice Names a new operator key (a key rotation, or one thought compromised).
    function setWhitelistOperator(address operator) external onlyOwner {
        if (operator == address(0)) revert ZeroAddress();
        whitelistOperator = operator;
        emit WhitelistOperatorChanged(operator);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    /// @notice Sets where an address stands on the whitelist; only the whitelist operator.
    function setWhitelistStatus(address account, uint8 status, uint64 expiresAt) external {
        if (msg.sender != whitelistOperator) revert NotWhitelistOperator();
        if (status > SUSPENDED) revert UnknownStatus(status);
        entries[account] = Entry(status, expiresAt);
        emit WhitelistStatusChanged(account, status, expiresAt);
    }

    /// @notice The stored entry of an address, as the operator last set it.
    function whitelistEntry(address account) external view returns (uint8 status, uint64 expiresAt) {
        Entry memory entry = entries[account];
        return (entry.status, entry.expiresAt);
    }

    /// @notice Where an address stands now: an ACTIVE entry past its end counts as EXPIRED.
    function whitelistStatus(address account) public view returns (uint8) {
        Entry memory entry = entries[account];
        if (entry.status == ACTIVE && entry.expiresAt != 0 && block.timestamp >= entry.expiresAt) {
            return EXPIRED;
        }
        return entry.status;
    }

    // --- ERC-1404

    /// @notice The restriction on a transfer; the sender is checked first, as the service does.
    function detectTransferRestriction(address from, address to, uint256) public view returns (uint8) {
        uint8 sender = whitelistStatus(from);
        if (sender != ACTIVE) {
            return restriction(sender, true);
        }
        uint8 recipient = whitelistStatus(to);
        if (recipient != ACTIVE) {
            return restriction(recipient, false);
        }
        return SUCCESS;
    }

    function messageForTransferRestriction(uint8 code) public pure returns (string memory) {
        if (code == SUCCESS) return "SUCCESS";
        if (code == SENDER_NOT_WHITELISTED) return "The sender's address is not on the whitelist";
        if (code == RECIPIENT_NOT_WHITELISTED) return "The recipient's address is not on the whitelist";
        if (code == SENDER_REVOKED) return "The sender's address was removed from the whitelist";
        if (code == RECIPIENT_REVOKED) return "The recipient's address was removed from the whitelist";
        if (code == SENDER_EXPIRED) return "The sender's whitelisting has expired";
        if (code == RECIPIENT_EXPIRED) return "The recipient's whitelisting has expired";
        if (code == SENDER_SANCTIONED) return "The sender's address is on a sanctions list";
        if (code == RECIPIENT_SANCTIONED) return "The recipient's address is on a sanctions list";
        if (code == SENDER_SUSPENDED) return "The sender's whitelisting is suspended pending review";
        if (code == RECIPIENT_SUSPENDED) return "The recipient's whitelisting is suspended pending review";
        return "Unknown restriction code";
    }

    function restriction(uint8 status, bool sender) private pure returns (uint8) {
        uint8 code;
        if (status == NOT_LISTED) code = SENDER_NOT_WHITELISTED;
        else if (status == REVOKED) code = SENDER_REVOKED;
        else if (status == EXPIRED) code = SENDER_EXPIRED;
        else if (status == SANCTIONED) code = SENDER_SANCTIONED;
        else code = SENDER_SUSPENDED;
        // every recipient code is the sender's plus one
        return sender ? code : code + 1;
    }

    modifier transferAllowed(address from, address to, uint256 value) {
        uint8 code = detectTransferRestriction(from, to, value);
        require(code == SUCCESS, messageForTransferRestriction(code));
        _;
    }

    // --- ERC-20

    function transfer(address to, uint256 value) external transferAllowed(msg.sender, to, value) returns (bool) {
        move(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external transferAllowed(from, to, value) returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed < value) revert InsufficientAllowance();
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - value;
        }
        move(from, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @notice The issuer creates tokens for a whitelisted holder only.
    function mint(address to, uint256 value) external onlyOwner {
        uint8 recipient = whitelistStatus(to);
        if (recipient != ACTIVE) {
            revert(messageForTransferRestriction(restriction(recipient, false)));
        }
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function move(address from, address to, uint256 value) private {
        if (balanceOf[from] < value) revert InsufficientBalance();
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
