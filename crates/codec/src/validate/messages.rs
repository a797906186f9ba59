//! fastest-validator's English messages (user-visible, so they must match word for word) and
//! the issue type the validator reports.

use crate::keys::partition::js_template_text;
use serde::Serialize;
use serde_json::Value;

/// One validation failure, shaped like a fastest-validator error object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidationIssue {
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
}

fn template(kind: &str) -> &'static str {
    match kind {
        "required" => "The '{field}' field is required.",
        "string" => "The '{field}' field must be a string.",
        "stringEmpty" => "The '{field}' field must not be empty.",
        "stringMin" => "The '{field}' field length must be greater than or equal to {expected} characters long.",
        "stringMax" => "The '{field}' field length must be less than or equal to {expected} characters long.",
        "stringLength" => "The '{field}' field length must be {expected} characters long.",
        "stringPattern" => "The '{field}' field fails to match the required pattern.",
        "stringContains" => "The '{field}' field must contain the '{expected}' text.",
        "stringEnum" => "The '{field}' field does not match any of the allowed values.",
        "stringNumeric" => "The '{field}' field must be a numeric string.",
        "stringAlpha" => "The '{field}' field must be an alphabetic string.",
        "stringAlphanum" => "The '{field}' field must be an alphanumeric string.",
        "stringAlphadash" => "The '{field}' field must be an alphadash string.",
        "stringHex" => "The '{field}' field must be a hex string.",
        "stringSingleLine" => "The '{field}' field must be a single line string.",
        "stringBase64" => "The '{field}' field must be a base64 string.",
        "number" => "The '{field}' field must be a number.",
        "numberMin" => "The '{field}' field must be greater than or equal to {expected}.",
        "numberMax" => "The '{field}' field must be less than or equal to {expected}.",
        "numberEqual" => "The '{field}' field must be equal to {expected}.",
        "numberNotEqual" => "The '{field}' field can't be equal to {expected}.",
        "numberInteger" => "The '{field}' field must be an integer.",
        "numberPositive" => "The '{field}' field must be a positive number.",
        "numberNegative" => "The '{field}' field must be a negative number.",
        "array" => "The '{field}' field must be an array.",
        "arrayEmpty" => "The '{field}' field must not be an empty array.",
        "arrayMin" => "The '{field}' field must contain at least {expected} items.",
        "arrayMax" => "The '{field}' field must contain less than or equal to {expected} items.",
        "arrayLength" => "The '{field}' field must contain {expected} items.",
        "arrayContains" => "The '{field}' field must contain the '{expected}' item.",
        "arrayUnique" => "The '{actual}' value in '{field}' field does not unique the '{expected}' values.",
        "arrayEnum" => "The '{actual}' value in '{field}' field does not match any of the '{expected}' values.",
        "boolean" => "The '{field}' field must be a boolean.",
        "date" => "The '{field}' field must be a Date.",
        "dateMin" => "The '{field}' field must be greater than or equal to {expected}.",
        "dateMax" => "The '{field}' field must be less than or equal to {expected}.",
        "enumValue" => "The '{field}' field value '{expected}' does not match any of the allowed values.",
        "equalValue" => "The '{field}' field value must be equal to '{expected}'.",
        "equalField" => "The '{field}' field value must be equal to '{expected}' field value.",
        "forbidden" => "The '{field}' field is forbidden.",
        "email" => "The '{field}' field must be a valid e-mail.",
        "emailEmpty" => "The '{field}' field must not be empty.",
        "emailMin" => "The '{field}' field length must be greater than or equal to {expected} characters long.",
        "emailMax" => "The '{field}' field length must be less than or equal to {expected} characters long.",
        "luhn" => "The '{field}' field must be a valid checksum luhn.",
        "mac" => "The '{field}' field must be a valid MAC address.",
        "object" => "The '{field}' must be an Object.",
        "objectStrict" => "The object '{field}' contains forbidden keys: '{actual}'.",
        "objectMinProps" => "The object '{field}' must contain at least {expected} properties.",
        "objectMaxProps" => "The object '{field}' must contain {expected} properties at most.",
        "url" => "The '{field}' field must be a valid URL.",
        "urlEmpty" => "The '{field}' field must not be empty.",
        "uuid" => "The '{field}' field must be a valid UUID.",
        "uuidVersion" => "The '{field}' field must be a valid UUID version provided.",
        // s3db-native additions for the s3db.js address types (s3db.js has no message for them).
        "ip4" => "The '{field}' field must be a valid IPv4 address.",
        "ip6" => "The '{field}' field must be a valid IPv6 address.",
        "geoPoint" => "The '{field}' field must be a geo point: {lat, lon} or [lat, lon].",
        "bytes" => "The '{field}' field must be bytes: an array of 0-255 integers or base64 text.",
        _ => "The '{field}' field is invalid.",
    }
}

/// Builds an issue with the message filled in the way fastest-validator does.
pub fn issue(
    kind: &str,
    field: &str,
    expected: Option<Value>,
    actual: Option<Value>,
) -> ValidationIssue {
    // fastest-validator interpolates with `String(x)`: arrays join with commas.
    let text = |v: &Option<Value>| v.as_ref().map(js_template_text).unwrap_or_default();
    let message = template(kind)
        .replace("{field}", field)
        .replace("{expected}", &text(&expected))
        .replace("{actual}", &text(&actual));
    ValidationIssue {
        kind: kind.to_string(),
        message,
        field: field.to_string(),
        expected,
        actual,
    }
}
