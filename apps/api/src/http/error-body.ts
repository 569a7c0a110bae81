import { fieldLabel } from './labels.js';

/** The one shape of every error answer (the Error schema of the OpenAPI document): `{statusCode, error, message, details?, violations?}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  violations?: unknown[];
}

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(statusCode: number, message: string, extra: Omit<Partial<ErrorBody>, 'statusCode' | 'error' | 'message'> = {}): ErrorBody {
  return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message, ...extra };
}

/** A 400 naming one field, as the validation pipe names them. */
export function badField(field: string, problem: string, message = `${fieldLabel(field)} ${problem}`): ErrorBody {
  return errorBody(400, message, { details: [{ field, label: fieldLabel(field), problems: [problem] }] });
}
